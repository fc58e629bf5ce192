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
 * Real Keras CNN files that need only the layers keras4j has (Conv2D, pooling, BatchNormalization, Rescaling,
 * Activation, Dropout) load and score the accuracy recorded beside them on the 10,000 test images, within 0.0005 (the
 * corpus README's agreement for a float32 forward pass against its float64 reference).
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

    @Test
    void keras3ZipWithBatchNormalizationAfterConv2D() throws IOException {
        corpusFile("k3132-cnn-bn-charm.keras");
    }

    @Test
    void keras3LenetWithAveragePoolingOnRawPixels() throws IOException {
        corpusFile("k3100-lenet-avgpool-jambrr.keras");
    }

    @Test
    void keras3FashionMnistLegacyH5() throws IOException {
        corpusFile("k3100-cnn-fashion-thiru.h5");
    }

    /** Loads a corpus file and checks the accuracy its {@code corpus.tsv} row states. */
    private static void corpusFile(String name) throws IOException {
        Path file = Fixtures.file("corpus/" + name);
        String[] row = null;
        for (String line : Files.readAllLines(file.resolveSibling("corpus.tsv"))) {
            String[] cells = line.split("\t");
            if (cells[0].equals(name)) {
                row = cells;
            }
        }
        assertTrue(row != null, name + " is not listed in corpus.tsv");
        ModelDescription model = Saving.loadModel(file);
        assertEquals(row[2], model.inputShape().toString().replaceAll("[() ]", ""), name + ": input shape");
        assertAccuracy(model, row[1], row[3], Double.parseDouble(row[4]), name);
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
