package io.github.keras4j.examples.data;

import io.github.keras4j.examples.DatasetChoice;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageDataTest {
    @Test
    void scalesToZeroOneAndEncodesOneHotWithALimit() {
        ImageData d = ImageData.load(DatasetChoice.MNIST_10K, 300);
        assertArrayEquals(new long[] {300, 28, 28}, d.xTrain().shape());
        assertArrayEquals(new long[] {300, 10}, d.yTrain().shape());
        assertArrayEquals(new long[] {300, 28, 28}, d.xTest().shape());
        assertEquals(300, d.trainLabels().length);
        assertEquals(1.0, d.xTrain().maxNumber().doubleValue(), 1e-6);
        assertEquals(0.0, d.xTrain().minNumber().doubleValue());
        assertEquals(300.0, d.yTrain().sumNumber().doubleValue(), "one 1 per row");
        assertEquals(1.0, d.yTrain().getDouble(0, d.trainLabels()[0]));
        assertEquals(1.0, d.yTest().getDouble(5, d.testLabels()[5]));
    }

    @Test
    void theLimitKeepsTheFirstSamplesAndFlatteningKeepsTheirPixels() {
        ImageData all = ImageData.load(DatasetChoice.MNIST_10K, null);
        ImageData some = ImageData.load(DatasetChoice.MNIST_10K, 50);
        assertEquals(8000, all.trainSize());
        assertEquals(2000, all.testSize());
        assertEquals(all.trainLabels()[49], some.trainLabels()[49]);
        INDArray flat = some.xTrainFlat();
        assertArrayEquals(new long[] {50, 784}, flat.shape());
        assertEquals(some.xTrain().getDouble(3, 10, 12), flat.getDouble(3, 10 * 28 + 12));
        ImageData first = all.firstTrainingSamples(50);
        assertEquals(some.xTrain(), first.xTrain());
        assertSame(all.xTest(), first.xTest());
        assertSame(all, all.firstTrainingSamples(10_000), "x_train[0:10000] of 8000 images is all of them");
    }

    @Test
    void classNames() {
        ImageData d = ImageData.load(DatasetChoice.MNIST_10K, 1);
        assertEquals("7", d.className(7));
        assertTrue(new ImageData(DatasetChoice.FASHION_MNIST, d.xTrain(), d.yTrain(), d.trainLabels(), d.xTest(), d.yTest(),
                d.testLabels()).className(9).equals("Ankle boot"));
    }
}
