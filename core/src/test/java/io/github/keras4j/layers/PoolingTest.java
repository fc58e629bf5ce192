package io.github.keras4j.layers;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.testing.GradientCheck;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The pooling layers worked by hand from Keras' definitions. */
class PoolingTest {
    private static INDArray image(double[] values, int h, int w, int c) {
        return GradientCheck.doubles(values, 1, h, w, c);
    }

    @Test
    void maxPoolingTakesEachWindowsLargestAndStridesDefaultToThePoolSize() {
        MaxPooling2D pool = new MaxPooling2D(2);
        assertArrayEquals(new int[] {2, 2}, pool.strides());
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
        assertArrayEquals(new double[] {6, 8, 14, 16}, NativeMemory.read(pool.forward(image(x, 4, 4, 1), false)));
        assertEquals(Shape.of(13, 13, 32), new MaxPooling2D(2).computeOutputShape(Shape.of(26, 26, 32)));
        assertEquals(Shape.of(5, 5, 64), new MaxPooling2D(2).computeOutputShape(Shape.of(11, 11, 64)));
    }

    @Test
    void maxPoolingTiesSendTheGradientToTheFirstElement() {
        MaxPooling2D pool = new MaxPooling2D(2);
        INDArray x = image(new double[] {5, 5, 5, 5}, 2, 2, 1);
        assertArrayEquals(new double[] {5}, NativeMemory.read(pool.forward(x, true)));
        double[] dx = NativeMemory.read(pool.backward(Nd4j.ones(DataType.DOUBLE, 1, 1, 1, 1)));
        assertArrayEquals(new double[] {1, 0, 0, 0}, dx);
    }

    @Test
    void maxPoolingSamePaddingIgnoresThePadding() {
        // 3x3 negative image, pool 2 stride 2 same: 2x2 output, the padding row and column at the bottom and right
        MaxPooling2D pool = (MaxPooling2D) new MaxPooling2D(2).padding("same");
        double[] x = {-9, -8, -7, -6, -5, -4, -3, -2, -1};
        assertArrayEquals(new double[] {-5, -4, -2, -1}, NativeMemory.read(pool.forward(image(x, 3, 3, 1), false)));
    }

    @Test
    void averagePoolingSamePaddingAveragesOnlyTheValuesInside() {
        AveragePooling2D pool = (AveragePooling2D) new AveragePooling2D(2).padding("same");
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        // windows: {1,2,4,5}, {3,6}, {7,8}, {9}
        assertArrayEquals(new double[] {3, 4.5, 7.5, 9}, NativeMemory.read(pool.forward(image(x, 3, 3, 1), true)));
        double[] dx = NativeMemory.read(pool.backward(Nd4j.ones(DataType.DOUBLE, 1, 2, 2, 1)));
        assertArrayEquals(new double[] {0.25, 0.25, 0.5, 0.25, 0.25, 0.5, 0.5, 0.5, 1}, dx);
    }

    @Test
    void poolingKeepsChannelsApart() {
        double[] x = {1, -1, 2, -2, 3, -3, 4, -4}; // 2x2 pixels, 2 channels
        assertArrayEquals(new double[] {4, -1}, NativeMemory.read(new MaxPooling2D(2).forward(image(x, 2, 2, 2), false)));
        assertArrayEquals(new double[] {2.5, -2.5}, NativeMemory.read(new AveragePooling2D(2).forward(image(x, 2, 2, 2), false)));
        assertArrayEquals(new double[] {4, -1}, NativeMemory.read(new GlobalMaxPooling2D().forward(image(x, 2, 2, 2), false)));
        assertArrayEquals(new double[] {2.5, -2.5}, NativeMemory.read(new GlobalAveragePooling2D().forward(image(x, 2, 2, 2), false)));
    }

    @Test
    void globalMaxPoolingTiesGoToTheFirstPixel() {
        GlobalMaxPooling2D pool = new GlobalMaxPooling2D();
        pool.forward(image(new double[] {3, 3, 1, 3}, 2, 2, 1), true);
        assertArrayEquals(new double[] {1, 0, 0, 0}, NativeMemory.read(pool.backward(Nd4j.ones(DataType.DOUBLE, 1, 1))));
    }

    @Test
    void kerasNames() {
        assertEquals("max_pooling2d", new MaxPooling2D().baseName());
        assertEquals("average_pooling2d", new AveragePooling2D().baseName());
        assertEquals("global_average_pooling2d", new GlobalAveragePooling2D().baseName());
        assertEquals("global_max_pooling2d", new GlobalMaxPooling2D().baseName());
    }

    @Test
    void badArgumentsAndShapesAreExplained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MaxPooling2D(0));
        assertEquals("MaxPooling2D poolSize must be positive integers, got (0, 0)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new AveragePooling2D(2).padding("full"));
        assertEquals("AveragePooling2D padding must be \"valid\" or \"same\", got \"full\"", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MaxPooling2D(3).computeOutputShape(Shape.of(2, 2, 8)));
        assertEquals("Layer 'max_pooling2d' (MaxPooling2D) has a 3x3 pool spanning 3x3 but its input (None, 2, 2, 8) is only 2x2, so"
                + " with padding \"valid\" its output would have no rows or columns. Use a smaller window, padding \"same\", or a"
                + " larger input (fewer pooling layers before it).", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new GlobalAveragePooling2D().computeOutputShape(Shape.of(10)));
        assertEquals("Layer 'global_average_pooling2d' (GlobalAveragePooling2D) expected images (batch, height, width, channels) but"
                + " received input (None, 10). Reshape the data to (batch, height, width, channels).", e.getMessage());
    }
}
