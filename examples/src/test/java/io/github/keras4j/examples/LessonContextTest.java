package io.github.keras4j.examples;

import io.github.keras4j.examples.experiments.Comparison;
import io.github.keras4j.examples.experiments.EpochResult;
import io.github.keras4j.examples.experiments.RunConfig;
import io.github.keras4j.examples.experiments.Trainer;
import io.github.keras4j.examples.experiments.TrainingHistory;
import io.github.keras4j.examples.experiments.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LessonContextTest {
    private final PrintStream progress = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    private LessonContext context(Integer epochs, int seeds, Path out) {
        return new LessonContext("lesson", new LessonOptions(DatasetChoice.MNIST_10K, epochs, seeds, out), progress, false);
    }

    @Test
    void theBaseHoldsTheDatasetAndTheEpochsFromTheCommandLineElseTheLessons(@TempDir Path dir) {
        assertEquals("base {dataset=mnist-10k, epochs=10}", context(null, 1, dir).base(10).toString());
        assertEquals("base {dataset=mnist-10k, epochs=2}", context(2, 1, dir).base(10).toString());
        assertEquals(List.of(1L, 2L, 3L), context(null, 3, dir).seeds());
        assertEquals(dir.resolve("lesson"), context(null, 1, dir).folder());
    }

    @Test
    void twoComparisonsWithTheSameFolderAreRefused(@TempDir Path dir) throws Exception {
        LessonContext ctx = context(1, 1, dir);
        Trainer t = (c, s, l) -> new TrainingHistory(List.of(new EpochResult(1, 0.5, 0.5, 0.5, 0.5, 0)), 1);
        ctx.compare(new Comparison("SGD vs Adam", ctx.base(1), List.of(Variant.of("sgd"))), t);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ctx.compare(new Comparison("SGD vs. Adam", ctx.base(1), List.of(Variant.of("sgd"))), t));
        assertEquals("Lesson 'lesson' already ran a comparison titled like 'SGD vs. Adam' (folder sgd-vs-adam); "
                + "give each comparison its own title", e.getMessage());
        assertEquals(1, ctx.results().size());
    }

    @Test
    void theTutorialsMnistNumbersAreShownBesideMnistResultsOnly(@TempDir Path dir) throws Exception {
        Trainer t = (c, s, l) -> new TrainingHistory(List.of(new EpochResult(1, 0.5, 0.5, 0.5, 0.5, 0)), 1);
        for (DatasetChoice data : DatasetChoice.values()) {
            LessonContext ctx = new LessonContext("lesson", new LessonOptions(data, 1, 1, dir.resolve(data.id())), progress, false);
            Comparison withTutorial = new Comparison("Keras MNIST model", ctx.base(1), List.of(Variant.of("keras-mnist")))
                    .withReference("keras-mnist", 0.9714);
            Double shown = ctx.compare(withTutorial, t).comparison().reference("keras-mnist");
            assertEquals(data.isMnist() ? Double.valueOf(0.9714) : null, shown, data.id());
            String table = java.nio.file.Files.readString(dir.resolve(data.id()).resolve("lesson").resolve("keras-mnist-model")
                    .resolve("summary.md"));
            assertEquals(data.isMnist(), table.contains("| 0.9714 |"), table);
        }
    }

    @Test
    void optionsAreChecked(@TempDir Path dir) {
        assertEquals("epochs must be >= 1, got 0; leave it out to use the lesson's own", assertThrows(IllegalArgumentException.class,
                () -> new LessonOptions(DatasetChoice.MNIST, 0, 1, dir)).getMessage());
        assertEquals("seeds must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> new LessonOptions(DatasetChoice.MNIST, null, 0, dir)).getMessage());
        assertEquals(7, new LessonOptions(DatasetChoice.MNIST, null, 1, dir).epochsOr(7));
        assertEquals(3, new LessonOptions(DatasetChoice.MNIST, 3, 1, dir).epochsOr(7));
    }

    @Test
    void datasetNamesParseCaseInsensitively() {
        assertEquals(DatasetChoice.FASHION_MNIST, DatasetChoice.parse(" Fashion-MNIST "));
        assertEquals("Unknown dataset 'emnist'. Known datasets: mnist, mnist-10k, fashion-mnist.",
                assertThrows(IllegalArgumentException.class, () -> DatasetChoice.parse("emnist")).getMessage());
        assertEquals("mnist-10k", DatasetChoice.MNIST_10K.toString());
    }
}
