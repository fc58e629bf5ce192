package io.github.keras4j.datasets;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The real Fashion-MNIST files, from the datasets folder. Copies that were re-compressed (as Debian ships
 * them) differ from upstream's checksums and must still load, because they parse completely.
 */
class FashionMnistTest {
    @Test
    void loadsBothSplitsWithKerasShapesAndKnownContent() {
        TrainTestData data = FashionMnist.loadData();
        assertArrayEquals(new long[] {60_000, 28, 28}, data.xTrain().shape());
        assertArrayEquals(new long[] {60_000}, data.yTrain().shape());
        assertArrayEquals(new long[] {10_000, 28, 28}, data.xTest().shape());
        assertArrayEquals(new long[] {10_000}, data.yTest().shape());
        for (var a : new org.nd4j.linalg.api.ndarray.INDArray[] {data.xTrain(), data.yTrain(), data.xTest(), data.yTest()}) {
            assertEquals(DataType.UINT8, a.dataType());
        }
        assertEquals(0, data.xTrain().minNumber().intValue());
        assertEquals(255, data.xTrain().maxNumber().intValue());

        // Fashion-MNIST is balanced: 6,000 training and 1,000 test images per class.
        int[] train = new int[10];
        int[] test = new int[10];
        Arrays.fill(train, 6000);
        Arrays.fill(test, 1000);
        assertArrayEquals(train, Arrays8.histogram(data.yTrain()));
        assertArrayEquals(test, Arrays8.histogram(data.yTest()));

        // First labels: an ankle boot (9), then T-shirts (0) ... as Zalando's README shows.
        assertArrayEquals(new byte[] {9, 0, 0, 3, 0, 2, 7, 2, 5, 5}, Arrays.copyOf(Arrays8.bytes(data.yTrain()), 10));
        assertArrayEquals(new byte[] {9, 2, 1, 1, 6, 1, 4, 6, 5, 7}, Arrays.copyOf(Arrays8.bytes(data.yTest()), 10));
        // Sums computed independently (Python's gzip module).
        byte[] pixels = Arrays8.bytes(data.xTrain());
        assertEquals(76_247, Arrays8.sum(pixels, 0, 784), "pixel sum of the first training image");
        assertEquals(3_431_114_169L, Arrays8.sum(pixels, 0, pixels.length), "pixel sum of all training images");
    }

    @Test
    void testSplitAloneEqualsTheTestHalfOfLoadData() {
        TestData test = FashionMnist.loadTestData();
        TrainTestData all = FashionMnist.loadData();
        assertEquals(all.testData(), test);
        assertArrayEquals(Arrays8.bytes(all.xTest()), Arrays8.bytes(test.xTest()));
    }

    @Test
    void documentedConstants() {
        assertEquals("fashion-mnist", FashionMnist.FOLDER);
        assertEquals("https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/",
                FashionMnist.ORIGIN);
        assertEquals("keras4j.datasets.fashion-mnist.origin", FashionMnist.ORIGIN_PROPERTY);
    }
}
