package io.github.keras4j.models;

import io.github.keras4j.SyntheticData;
import io.github.keras4j.callbacks.History;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Flatten;
import io.github.keras4j.utils.Utils;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed example of the API description, word for word, on synthetic 28x28 images instead of MNIST. */
class SeedExampleTest {
    @Test
    void seedProgramCompilesAndRuns() {
        var train = SyntheticData.images(600, 1);
        var test = SyntheticData.images(200, 2);
        INDArray x = train.x().castTo(DataType.FLOAT), y = Utils.toCategorical(train.labels(), 10);
        INDArray xTest = test.x(), yTest = Utils.toCategorical(test.labels(), 10);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        History h;
        double[] score;
        INDArray probs;
        try {
            Sequential model = new Sequential();
            model.add(new Flatten().inputShape(28, 28));
            model.add(new Dense(64, "sigmoid"));
            model.add(new Dense(10, "softmax"));
            model.summary();                                             // Total params: 50,890
            model.compile("adam", "categorical_crossentropy", "acc");
            h = model.fit(x, y, FitOptions.defaults().withEpochs(10).withValidationData(xTest, yTest));
            score = model.evaluate(xTest, yTest);                        // {loss, acc}
            probs = model.predict(xTest);
        } finally {
            System.setOut(old);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith(io.github.keras4j.models.SummaryTest.GOLDEN), out);
        assertTrue(out.contains("Epoch 10/10"), out);
        assertEquals(List.of("loss", "acc", "val_loss", "val_acc"), List.copyOf(h.history().keySet()));
        assertEquals(2, score.length);
        assertTrue(score[1] > 0.9, "the bands are easy to tell apart: accuracy " + score[1]);
        assertArrayEquals(new long[] {200, 10}, probs.shape());
        assertEquals(1.0, probs.getRow(0).sumNumber().doubleValue(), 1e-5);
    }
}
