package io.github.keras4j.backend.vector;

import io.github.keras4j.activations.Sigmoid;
import io.github.keras4j.activations.Softmax;
import io.github.keras4j.backend.FloatKernels;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Vector API kernels against keras4j's double-precision activations rounded to float32. */
class VectorFloatKernelsTest {
    private final FloatKernels kernels = new VectorFloatKernels();

    @Test
    void sigmoidIsWithinTheToleranceOfTheDoublePrecisionOne() {
        Random random = new Random(3);
        int n = 200_003; // not a multiple of any vector length: the scalar tail runs too
        float[] z = new float[n];
        for (int i = 0; i < n; i++) {
            z[i] = i < 100_000 ? -110f + 220f * i / 100_000 : (float) (random.nextGaussian() * 8);
        }
        float[] a = new float[n];
        kernels.sigmoid(z, a, n);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            worst = Math.max(worst, assertClose((float) Sigmoid.sigmoid(z[i]), a[i], "sigmoid(" + z[i] + ")"));
        }
        assertTrue(worst > 0, "the float32 kernel rounds differently somewhere; worst relative difference " + worst);
    }

    @Test
    void sigmoidOfSpecialValues() {
        float[] z = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0f, 0f, 1000f, -1000f, 87f, -87f, 88.5f};
        float[] a = new float[z.length];
        kernels.sigmoid(z, a, z.length);
        assertTrue(Float.isNaN(a[0]));
        assertEquals(1f, a[1]);
        assertTrue(a[2] >= 0 && a[2] < FloatKernels.TINY, "sigmoid(-inf) " + a[2]);
        assertEquals(0.5f, a[3]);
        assertEquals(0.5f, a[4]);
        assertEquals(1f, a[5]);
        assertTrue(a[6] >= 0 && a[6] < FloatKernels.TINY, "sigmoid(-1000) " + a[6]);
        assertEquals(1f, a[7]);
        assertClose((float) Sigmoid.sigmoid(-87), a[8], "sigmoid(-87)");
        assertEquals(1f, a[9]);
    }

    @Test
    void vectorLanesAndTheScalarTailGiveTheSameBits() {
        // one formula in float32 arithmetic, which Java never contracts into fused multiply-adds
        Random random = new Random(5);
        int n = VectorFloatKernels.lanes() * 64;
        float[] z = new float[n];
        for (int i = 0; i < n; i++) {
            z[i] = (float) (random.nextGaussian() * 20);
        }
        float[] a = new float[n];
        kernels.sigmoid(z, a, n);
        for (int i = 0; i < n; i++) {
            assertEquals(Float.floatToRawIntBits(VectorFloatKernels.scalarSigmoid(z[i])), Float.floatToRawIntBits(a[i]),
                    "sigmoid(" + z[i] + ")");
        }
    }

    @Test
    void sigmoidInPlace() {
        float[] z = {-3, -1, 0, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31};
        float[] expected = new float[z.length];
        kernels.sigmoid(z, expected, z.length);
        kernels.sigmoid(z, z, z.length);
        for (int i = 0; i < z.length; i++) {
            assertEquals(expected[i], z[i]);
        }
    }

    @Test
    void softmaxIsWithinTheToleranceOfTheDoublePrecisionOne() {
        Random random = new Random(11);
        for (int width : new int[] {1, 3, 10, 17, 64}) {
            int n = width * 101;
            float[] z = new float[n];
            double[] zd = new double[n];
            for (int i = 0; i < n; i++) {
                z[i] = (float) (random.nextGaussian() * (i % 7 == 0 ? 30 : 4));
                zd[i] = z[i];
            }
            double[] expected = new double[n];
            new Softmax().forward(zd, expected, n, width);
            float[] a = new float[n];
            kernels.softmax(z, a, n, width);
            for (int i = 0; i < n; i++) {
                assertEquals(expected[i], a[i], FloatKernels.TOLERANCE, "width " + width + ", index " + i);
            }
        }
    }

    @Test
    void softmaxOfLargeLogitsStaysFiniteAndInPlace() {
        float[] z = {1000, -1000, 0, 999, 1000, 1000, -1000, -1000, 0};
        double[] zd = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            zd[i] = z[i];
        }
        double[] expected = new double[z.length];
        new Softmax().forward(zd, expected, z.length, 3);
        kernels.softmax(z, z, z.length, 3);
        for (int i = 0; i < z.length; i++) {
            assertEquals(expected[i], z[i], FloatKernels.TOLERANCE, "index " + i);
        }
        for (float v : z) {
            assertTrue(Float.isFinite(v), "every probability is finite");
        }
        assertEquals(1f, z[8]); // logits -1000, -1000, 0
    }

    /** Asserts the documented tolerance; returns the relative difference. */
    private static double assertClose(float expected, float actual, String what) {
        double diff = Math.abs((double) expected - actual);
        if (Math.abs(expected) < FloatKernels.TINY) {
            assertTrue(diff <= FloatKernels.TINY, what + ": expected " + expected + ", got " + actual);
            return 0;
        }
        double relative = diff / Math.abs(expected);
        assertTrue(relative <= FloatKernels.TOLERANCE, what + ": expected " + expected + ", got " + actual
                + " (relative difference " + relative + ")");
        return relative;
    }
}
