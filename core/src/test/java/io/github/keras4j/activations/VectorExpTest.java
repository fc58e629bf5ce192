package io.github.keras4j.activations;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VectorExpTest {
    @Test
    void agreesWithMathExpToDoublePrecisionWhereActivationsLive() {
        double worst = 0;
        for (double x = -100; x <= 100; x += 0.00137) {
            worst = Math.max(worst, relativeError(x));
        }
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            worst = Math.max(worst, relativeError(random.nextGaussian() * 5));
        }
        assertTrue(worst < 1e-12, "worst relative error " + worst);
    }

    @Test
    void staysWithinItsBoundUpToTheClamp() {
        double worst = 0;
        for (double x = -VectorExp.LIMIT; x <= VectorExp.LIMIT; x += 0.0137) {
            worst = Math.max(worst, relativeError(x));
        }
        assertTrue(worst < 5e-9, "worst relative error " + worst);
    }

    @Test
    void isExactAtZeroAndWithinTheBoundAtOne() {
        assertEquals(1.0, VectorExp.exp(0.0));
        // ten squarings multiply the last-bit rounding of the polynomial by about 1024
        assertEquals(Math.E, VectorExp.exp(1.0), 1e-12 * Math.E);
    }

    @Test
    void saturatesBeyondTheLimitAndKeepsNaN() {
        assertEquals(VectorExp.exp(VectorExp.LIMIT), VectorExp.exp(1e6));
        assertEquals(VectorExp.exp(VectorExp.LIMIT), VectorExp.exp(Double.POSITIVE_INFINITY));
        assertEquals(VectorExp.exp(-VectorExp.LIMIT), VectorExp.exp(Double.NEGATIVE_INFINITY));
        assertTrue(VectorExp.exp(-VectorExp.LIMIT) > 0 && VectorExp.exp(-VectorExp.LIMIT) < 1e-300);
        assertTrue(Double.isFinite(VectorExp.exp(VectorExp.LIMIT)) && VectorExp.exp(VectorExp.LIMIT) > 1e300);
        assertTrue(Double.isNaN(VectorExp.exp(Double.NaN)));
    }

    @Test
    void sigmoidOverArraysMatchesTheScalarFormIncludingItsTails() {
        double[] z = {-1e9, -800, -30, -1, -1e-9, 0, 1e-9, 1, 30, 800, 1e9, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] a = new double[z.length];
        new Sigmoid().forward(z, a, z.length, 1);
        for (int i = 0; i < z.length; i++) {
            double expected = Sigmoid.sigmoid(z[i]);
            // below 1e-300 both are zero to any float or double use; the array form saturates at exp(-700)
            double tolerance = Math.max(1e-12 * expected, 1e-300);
            assertEquals(expected, a[i], tolerance, "sigmoid(" + z[i] + ")");
        }
        double[] nan = {Double.NaN};
        new Sigmoid().forward(nan, nan, 1, 1);
        assertTrue(Double.isNaN(nan[0]));
    }

    private static double relativeError(double x) {
        double expected = Math.exp(x);
        return Math.abs(VectorExp.exp(x) - expected) / expected;
    }
}
