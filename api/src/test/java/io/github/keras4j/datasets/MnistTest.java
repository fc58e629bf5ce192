package io.github.keras4j.datasets;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The real MNIST test split, from the datasets folder (see {@link DatasetFolder}). */
class MnistTest {
    @Test
    void loadsTheTestSplitWithKerasShapesAndTypes() {
        TestData data = Mnist.loadTestData();
        assertArrayEquals(new long[] {10_000, 28, 28}, data.xTest().shape());
        assertArrayEquals(new long[] {10_000}, data.yTest().shape());
        assertEquals(DataType.UINT8, data.xTest().dataType());
        assertEquals(DataType.UINT8, data.yTest().dataType());
        assertEquals('c', data.xTest().ordering());
        assertEquals(0, data.xTest().minNumber().intValue());
        assertEquals(255, data.xTest().maxNumber().intValue());
    }

    @Test
    void holdsTheKnownTestLabelsAndPixels() {
        TestData data = Mnist.loadTestData();
        byte[] labels = Arrays8.bytes(data.yTest());
        // The first test digits are 7 2 1 0 4 1 4 9 5 9, as every MNIST tutorial shows.
        assertArrayEquals(new byte[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9}, Arrays.copyOf(labels, 10));
        assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009},
                Arrays8.histogram(data.yTest()));
        byte[] pixels = Arrays8.bytes(data.xTest());
        // Sums computed independently (Python's gzip module) from the canonical files.
        assertEquals(18_454, Arrays8.sum(pixels, 0, 784), "pixel sum of the first image");
        assertEquals(264_923_200L, Arrays8.sum(pixels, 0, pixels.length), "pixel sum of all test images");
        assertEquals(255, data.xTest().getInt(0, 12, 19), "a fully dark pixel of the first 7");
        assertEquals(7, data.yTest().getInt(0));
    }

    @Test
    void matchesAnIndependentDecodingOfTheFiles() {
        TestData data = Mnist.loadTestData();
        byte[] images = RealData.gunzip(RealData.mnist("t10k-images-idx3-ubyte.gz"));
        byte[] labels = RealData.gunzip(RealData.mnist("t10k-labels-idx1-ubyte.gz"));
        assertArrayEquals(Arrays.copyOfRange(images, 16, images.length), Arrays8.bytes(data.xTest()));
        assertArrayEquals(Arrays.copyOfRange(labels, 8, labels.length), Arrays8.bytes(data.yTest()));
    }

    @Test
    void scalesToFloatAsInTheSeedExample() {
        INDArray x = Mnist.loadTestData().xTest().castTo(DataType.FLOAT).div(255);
        assertEquals(DataType.FLOAT, x.dataType());
        assertEquals(1.0, x.maxNumber().doubleValue(), 1e-6);
        assertEquals(0.0, x.minNumber().doubleValue(), 1e-6);
        assertEquals(18_454 / 255.0, x.slice(0).sumNumber().doubleValue(), 1e-3, "first image, scaled");
    }

    @Test
    void documentedConstants() {
        assertEquals("mnist", Mnist.FOLDER);
        assertEquals("https://storage.googleapis.com/cvdf-datasets/mnist/", Mnist.ORIGIN);
        assertEquals("keras4j.datasets.mnist.origin", Mnist.ORIGIN_PROPERTY);
        assertEquals(60_000, IdxDataset.TRAIN_SIZE);
        assertEquals(10_000, IdxDataset.TEST_SIZE);
        assertEquals(28, IdxDataset.ROWS);
        assertEquals(28, IdxDataset.COLUMNS);
        assertEquals(10, IdxDataset.CLASSES);
    }
}
