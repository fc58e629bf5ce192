package io.github.keras4j.examples.lessons;

import io.github.keras4j.examples.DatasetChoice;
import io.github.keras4j.examples.LessonContext;
import io.github.keras4j.examples.LessonOptions;
import io.github.keras4j.examples.experiments.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KerasMnistTest {
    @Test
    void theTutorialModelReachesNinetyPercentOnMnist10kInTenEpochs(@TempDir Path out) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LessonContext ctx = new LessonContext(KerasMnist.NAME, new LessonOptions(DatasetChoice.MNIST_10K, null, 1, out),
                new PrintStream(bytes, true, StandardCharsets.UTF_8), false);

        new KerasMnist().run(ctx);

        RunResult run = ctx.results().get(0).runs().get(0);
        assertEquals(KerasMnist.EPOCHS, run.epochs().size());
        assertEquals(50_890, run.parameterCount());
        assertTrue(run.finalValAcc() >= 0.90, "test accuracy after 10 epochs: " + run.finalValAcc());
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("Total params: 50,890"), "summary() is printed\n" + printed);
        assertTrue(printed.contains("Epoch 10/10\n250/250 [=============================="), "the progress bar per epoch\n" + printed);
        assertTrue(printed.contains(String.format(java.util.Locale.ROOT, "evaluate -> [loss, acc] = [%.4f, %.4f]",
                run.lastEpoch().valLoss(), run.finalValAcc())), "evaluate prints the final test loss and accuracy\n" + printed);
        assertEquals(KerasMnist.PREDICTIONS_SHOWN, printed.lines().filter(l -> l.startsWith("predict -> test image ")).count());
    }
}
