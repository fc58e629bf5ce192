package io.github.keras4j.models;

import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Flatten;
import io.github.keras4j.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a newcomer meets first: model names as Keras numbers them, evaluate's verbose, one sample without its batch axis. */
class NewcomerApiTest {
    @TempDir
    Path dir;

    @Test
    void unnamedModelsAreNumberedAsKerasNumbersThem() {
        Utils.clearSession();
        assertEquals("sequential", new Sequential().name());
        assertEquals("sequential_1", new Sequential(new Dense(2).inputShape(3)).name());
        assertEquals("mine", new Sequential("mine").name(), "a given name takes no number");
        assertEquals("sequential_2", new Sequential().name());
        Utils.clearSession();
        assertEquals("sequential", new Sequential().name(), "clearSession starts again, as Keras' clear_session");
    }

    @Test
    void aLoadedModelKeepsTheNameInItsFile() {
        Sequential named = new Sequential(new Dense(2).inputShape(3));
        new Sequential();
        Sequential third = new Sequential(new Dense(2).inputShape(3));
        assertEquals("sequential_2", third.name());
        Path file = dir.resolve("third.keras");
        third.save(file);
        assertEquals("sequential_2", Models.load(file).name());
        assertEquals("sequential_3", new Sequential().name(), "loading took no number");
        assertEquals("sequential", named.name());
    }

    @Test
    void evaluateWithVerbose1PrintsAProgressBarAndVerbose0Nothing() {
        Sequential m = new Sequential(new Dense(3, "softmax").inputShape(4));
        m.compile("adam", "categorical_crossentropy", "acc");
        INDArray x = Nd4j.rand(DataType.FLOAT, 64, 4);
        INDArray y = Utils.toCategorical(Nd4j.zeros(DataType.FLOAT, 64), 3);
        String silent = captureOut(() -> m.evaluate(x, y));
        assertEquals("", silent, "evaluate(x, y) prints nothing");
        String bar = captureOut(() -> assertArrayEquals(m.evaluate(x, y), m.evaluate(x, y, 32, 1), 0));
        assertTrue(bar.matches("(?s).*2/2 \\[=+\\] - .*loss: \\d\\.\\d{4} - acc: \\d\\.\\d{4}\\s*"), bar);
        assertEquals("", captureOut(() -> m.evaluate(x, y, 32, 0)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.evaluate(x, y, 32, 3));
        assertEquals("evaluate: verbose must be 0 (silent), 1 (progress bar) or 2 (one line), as in Keras; got 3.", e.getMessage());
    }

    @Test
    void oneImageWithoutItsBatchAxisIsNamedAsSuch() {
        Sequential m = new Sequential(new Flatten().inputShape(28, 28), new Dense(10, "softmax"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.predict(Nd4j.rand(DataType.FLOAT, 28, 28)));
        assertEquals("Model 'sequential' expects input of shape (None, 28, 28) but x has shape (28, 28): that is one sample without the"
                + " batch axis, which every input needs, also for a single sample. Add it: x.reshape(1, 28, 28).", e.getMessage());
        assertEquals(List.of(1L, 10L), List.of(m.predict(Nd4j.rand(DataType.FLOAT, 28, 28).reshape(1, 28, 28)).shape()[0],
                m.predict(Nd4j.rand(DataType.FLOAT, 1, 28, 28)).shape()[1]));
    }

    private static String captureOut(Runnable r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
