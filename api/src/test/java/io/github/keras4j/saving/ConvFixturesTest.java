package io.github.keras4j.saving;

import io.github.keras4j.datasets.FashionMnist;
import io.github.keras4j.datasets.Mnist;
import io.github.keras4j.datasets.TestData;
import io.github.keras4j.layers.Conv2D;
import io.github.keras4j.layers.Layer;
import io.github.keras4j.layers.MaxPooling2D;
import io.github.keras4j.layers.Shape;
import io.github.keras4j.backend.NativeMemory;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fixtures folder's Keras CNN ({@code cnn-conv2d-legacy.h5}, Keras 3.13 legacy HDF5) loads and scores the accuracy
 * its README records on the 10,000 MNIST test images, within 0.0005 (a float32 forward pass against a float64
 * reference). The CNN files of the corpus are checked by {@code KerasCorpusTest}.
 */
class ConvFixturesTest {
    private static final double AGREEMENT = 0.0005;

    @Test
    void keras313LegacyH5Convnet() throws IOException {
        Path file = Fixtures.file("cnn-conv2d-legacy.h5");
        ModelDescription model = Saving.loadModel(file);
        assertEquals(Shape.of(28, 28, 1), model.inputShape());
        Conv2D first = assertInstanceOf(Conv2D.class, model.layers().get(0));
        assertEquals(32, first.filters());
        assertInstanceOf(MaxPooling2D.class, model.layers().get(1));
        assertAccuracy(model, "mnist", "div255", 0.9900, file.getFileName().toString());
    }

    private static void assertAccuracy(ModelDescription model, String dataset, String pixels, double expected, String name) {
        TestData data = dataset.equals("mnist") ? Mnist.loadTestData() : FashionMnist.loadTestData();
        INDArray x = data.xTest().castTo(DataType.FLOAT).reshape(10000, 28, 28, 1);
        if (pixels.equals("div255")) {
            x = x.div(255);
        } else {
            assertEquals("raw", pixels, name + ": pixel scaling this test knows");
        }
        int[] labels = data.yTest().castTo(DataType.INT).toIntVector();
        int correct = 0;
        int batch = 500;
        List<Layer> layers = model.layers();
        for (int from = 0; from < 10000; from += batch) {
            INDArray rows = NativeMemory.rows(NativeMemory.contiguous(x), from, from + batch);
            int[] predicted = Forward.argmax(Forward.predict(layers, rows));
            for (int i = 0; i < batch; i++) {
                correct += predicted[i] == labels[from + i] ? 1 : 0;
            }
        }
        double accuracy = correct / 10000.0;
        assertEquals(expected, accuracy, AGREEMENT, name + ": test accuracy " + accuracy + ", recorded " + expected);
    }
}
