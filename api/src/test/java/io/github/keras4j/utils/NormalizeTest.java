package io.github.keras4j.utils;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static io.github.keras4j.SyntheticData.floats;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Utils.normalize against Keras' definition: x / ||x||_order along the axis, a zero norm taken as 1. */
class NormalizeTest {
    @Test
    void rowsAndColumnsAreDividedByTheirNorms() {
        INDArray x = Nd4j.createFromArray(new float[][] {{3, 4}, {0, 0}, {-6, 8}});
        // axis -1 (Keras' default), L2: (3,4)/5, (0,0) stays (norm 0 counts as 1), (-6,8)/10.
        assertArrayEquals(new float[] {0.6f, 0.8f, 0, 0, -0.6f, 0.8f}, floats(Utils.normalize(x, -1)), 1e-7f);
        // axis 0, L2: column norms sqrt(9+36) and sqrt(16+64).
        float c0 = (float) Math.sqrt(45), c1 = (float) Math.sqrt(80);
        assertArrayEquals(new float[] {3 / c0, 4 / c1, 0, 0, -6 / c0, 8 / c1}, floats(Utils.normalize(x, 0)), 1e-7f);
        // L1: (3,4)/7, (-6,8)/14.
        assertArrayEquals(new float[] {3 / 7f, 4 / 7f, 0, 0, -6 / 14f, 8 / 14f}, floats(Utils.normalize(x, 1, 1)), 1e-7f);
        // L3: (|3|^3 + |4|^3)^(1/3) = 91^(1/3).
        float n3 = (float) Math.cbrt(91);
        assertEquals(3 / n3, floats(Utils.normalize(x, 1, 3))[0], 1e-6f);
    }

    @Test
    void imagesNormalizedOverAxisOneDivideEachColumnByItsNormOverTheRows() {
        // (N, rows, cols) pixels, as keras.utils.normalize(x_train, axis=1) is used on MNIST.
        float[] pixels = new float[2 * 3 * 4];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i * 37) % 11;
        }
        INDArray x = Nd4j.create(pixels, new long[] {2, 3, 4}, DataType.FLOAT);
        float[] out = floats(Utils.normalize(x, 1));
        for (int n = 0; n < 2; n++) {
            for (int c = 0; c < 4; c++) {
                double sum = 0;
                for (int r = 0; r < 3; r++) {
                    double p = pixels[n * 12 + r * 4 + c];
                    sum += p * p;
                }
                double norm = sum == 0 ? 1 : Math.sqrt(sum);
                for (int r = 0; r < 3; r++) {
                    assertEquals((float) (pixels[n * 12 + r * 4 + c] / norm), out[n * 12 + r * 4 + c], "n=" + n + " r=" + r + " c=" + c);
                }
            }
        }
        assertArrayEquals(new long[] {2, 3, 4}, Utils.normalize(x, 1).shape());
    }

    @Test
    void integerPixelsBecomeFloat32AndDoublesStayDouble() {
        assertEquals(DataType.FLOAT, Utils.normalize(Nd4j.createFromArray(new byte[] {3, 4}), 0).dataType());
        INDArray d = Utils.normalize(Nd4j.createFromArray(3.0, 4.0), 0);
        assertEquals(DataType.DOUBLE, d.dataType());
        assertEquals(0.6, d.getDouble(0), 1e-15);
    }

    @Test
    void badAxisAndOrderAreNamed() {
        INDArray x = Nd4j.zeros(DataType.FLOAT, 2, 3);
        assertEquals("normalize: axis 2 is out of range for an array of shape (2, 3) (rank 2)",
                assertThrows(IllegalArgumentException.class, () -> Utils.normalize(x, 2)).getMessage());
        assertEquals("normalize: order must be 1 or more (1 for the L1 norm, 2 for the L2 norm), got 0",
                assertThrows(IllegalArgumentException.class, () -> Utils.normalize(x, 1, 0)).getMessage());
    }
}
