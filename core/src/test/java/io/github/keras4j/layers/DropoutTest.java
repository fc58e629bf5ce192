package io.github.keras4j.layers;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.testing.GradientCheck;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DropoutTest {
    @Test
    void trainingStatisticsOfRateHalf() {
        // The mean of 10,000 values that are 0 or 2 has a standard deviation of 0.01, so the 0.02 bound is two
        // of them: the seed is fixed to keep the test deterministic, and the test below averages many masks.
        Dropout dropout = new Dropout(0.5, 2L);
        double[] out = NativeMemory.read(dropout.forward(Nd4j.ones(DataType.FLOAT, 20, 500), true));
        double sum = 0;
        double max = Double.NEGATIVE_INFINITY;
        int zeros = 0;
        for (double v : out) {
            sum += v;
            max = Math.max(max, v);
            zeros += v == 0 ? 1 : 0;
            assertFalse(v != 0 && v != 2, "every value is dropped (0) or scaled by 1 / (1 - 0.5) = 2, got " + v);
        }
        assertEquals(1, sum / out.length, 0.02, "the expected output equals the input");
        assertEquals(2.0, max, 0);
        assertEquals(0.5, zeros / (double) out.length, 0.02, "fraction dropped");
    }

    @Test
    void meanOverManyMasksIsOne() {
        Dropout dropout = new Dropout(0.5, 3L);
        INDArray ones = Nd4j.ones(DataType.FLOAT, 20, 500);
        double sum = 0;
        for (int k = 0; k < 20; k++) {
            for (double v : NativeMemory.read(dropout.forward(ones, true))) {
                sum += v;
            }
        }
        assertEquals(1, sum / (20 * 10_000), 0.01); // standard deviation 0.0022
    }

    @Test
    void backwardMultipliesByExactlyTheLastForwardMask() {
        Dropout dropout = new Dropout(0.3, 2L);
        INDArray ones = Nd4j.ones(DataType.DOUBLE, 4, 50);
        double[] firstMask = NativeMemory.read(dropout.forward(ones, true));
        double[] mask = NativeMemory.read(dropout.forward(ones, true)); // on ones, the output is the mask
        assertFalse(java.util.Arrays.equals(firstMask, mask), "each training forward draws a new mask");
        double[] g = GradientCheck.randomVector(200, 3);
        double[] dx = NativeMemory.read(dropout.backward(GradientCheck.doubles(g, 4, 50)));
        for (int i = 0; i < g.length; i++) {
            assertEquals(g[i] * mask[i], dx[i], 0, "dx[" + i + "]");
        }
        // and on a general input, output = x * mask with the same mask backward uses
        double[] x = GradientCheck.randomVector(200, 4);
        double[] out = NativeMemory.read(dropout.forward(GradientCheck.doubles(x, 4, 50), true));
        double[] dx2 = NativeMemory.read(dropout.backward(Nd4j.ones(DataType.DOUBLE, 4, 50)));
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i] * dx2[i], out[i], 0, "out[" + i + "]");
        }
    }

    @Test
    void inferenceReturnsTheInputUnchanged() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 7);
        double[] before = NativeMemory.read(x);
        Dropout dropout = new Dropout(0.9);
        assertArrayEquals(before, NativeMemory.read(dropout.forward(x, false)));
        assertArrayEquals(before, NativeMemory.read(x));
    }

    @Test
    void rateZeroIsTheIdentityInTraining() {
        Dropout dropout = new Dropout(0);
        double[] x = GradientCheck.randomVector(6, 5);
        assertArrayEquals(x, NativeMemory.read(dropout.forward(GradientCheck.doubles(x, 2, 3), true)), 0);
        assertArrayEquals(x, NativeMemory.read(dropout.backward(GradientCheck.doubles(x, 2, 3))), 0);
    }

    @Test
    void aSeedMakesMasksReproducible() {
        INDArray ones = Nd4j.ones(DataType.FLOAT, 5, 40);
        assertArrayEquals(NativeMemory.read(new Dropout(0.5, 9L).forward(ones, true)), NativeMemory.read(new Dropout(0.5, 9L).forward(ones, true)));
    }

    @Test
    void rateOutsideTheUnitIntervalIsRejected() {
        for (double rate : new double[] {-0.1, 1.0, 1.5, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Dropout(rate));
            assertEquals("Dropout rate is the fraction of units to drop and must be in [0, 1), got " + rate
                    + ". Common rates are 0.2 to 0.5; 0 drops nothing.", e.getMessage());
        }
    }
}
