package io.github.keras4j.testing;

import io.github.keras4j.activations.ActivationFunction;
import io.github.keras4j.activations.Tanh;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checker itself: its tolerances, and that it catches a wrong gradient. */
class GradientCheckTest {
    @Test
    void tolerancesAreDeeplearning4js() {
        assertEquals(1e-6, GradientCheck.STEP);
        assertEquals(1e-3, GradientCheck.MAX_RELATIVE_ERROR);
        assertEquals(1e-8, GradientCheck.MIN_ABSOLUTE_ERROR);
    }

    @Test
    void numericalGradientOfAKnownFunction() {
        // f(x) = x0^2 x1 + sin(x2): grad = (2 x0 x1, x0^2, cos x2)
        double[] x = {1.5, -2, 0.3};
        double[] g = GradientCheck.numericalGradient(v -> v[0] * v[0] * v[1] + Math.sin(v[2]), x);
        assertArrayEquals(new double[] {-6, 2.25, Math.cos(0.3)}, g, 1e-8);
        assertArrayEquals(new double[] {1.5, -2, 0.3}, x, 0, "x is restored");
    }

    @Test
    void catchesAGradientOffByOnePercent() {
        ActivationFunction wrong = new ActivationFunction() {
            private final Tanh tanh = new Tanh();

            @Override
            public String name() {
                return "tanh_with_wrong_derivative";
            }

            @Override
            public void forward(double[] z, double[] a, int n, int width) {
                tanh.forward(z, a, n, width);
            }

            @Override
            public void backward(double[] z, double[] a, double[] grad, int n, int width) {
                tanh.backward(z, a, grad, n, width);
                for (int i = 0; i < n; i++) {
                    grad[i] *= 1.01;
                }
            }
        };
        double[] z = {-1.2, 0.4, 0.9, 2.1};
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> GradientCheck.checkActivation(wrong, z, 2, 1));
        assertTrue(e.getMessage().contains("activation tanh_with_wrong_derivative[0]: analytic gradient"), e.getMessage());
        assertDoesNotThrow(() -> GradientCheck.checkActivation(new Tanh(), z, 2, 1));
    }

    @Test
    void ignoresDifferencesBelowTheAbsoluteFloor() {
        GradientCheck.assertMatches("tiny", new double[] {1e-12, 5}, new double[] {3e-12, 5 + 1e-9});
        assertThrows(AssertionFailedError.class, () -> GradientCheck.assertMatches("large", new double[] {1}, new double[] {1.01}));
    }
}
