package io.github.keras4j.activations;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Values from Keras' formulas, defaults, derivatives at the kinks, and behaviour at extreme inputs. */
class ActivationValuesTest {
    private static final double TOL = 1e-15;

    @Test
    void leakyReluUsesKerasFunctionDefaultSlope() {
        assertEquals(0.2, LeakyRelu.DEFAULT_NEGATIVE_SLOPE);
        assertEquals(0.2, new LeakyRelu().negativeSlope());
        // x > 0: x; else 0.2 x
        assertArrayEquals(new double[] {-0.4, 0, 3}, apply("leaky_relu", -2, 0, 3), TOL);
        assertArrayEquals(new double[] {-0.2, 3}, apply(new LeakyRelu(0.1), -2, 3), TOL);
    }

    @Test
    void eluAndSelu() {
        assertEquals(1.0, Elu.DEFAULT_ALPHA);
        assertEquals(1.0, new Elu().alpha());
        // elu(-1) = e^-1 - 1, elu(2) = 2; with alpha 0.5 the negative branch halves
        assertArrayEquals(new double[] {-0.6321205588285576784, 0, 2}, apply("elu", -1, 0, 2), TOL);
        assertArrayEquals(new double[] {-0.3160602794142788392}, apply(new Elu(0.5), -1), TOL);
        // Keras' constants, to every digit it writes them with
        assertEquals(1.6732632423543772848170429916717, Selu.ALPHA);
        assertEquals(1.0507009873554804934193349852946, Selu.SCALE);
        // selu(1) = scale, selu(-1) = scale alpha (e^-1 - 1)
        assertArrayEquals(new double[] {Selu.SCALE, -1.1113307378125627618}, apply("selu", 1, -1), TOL);
    }

    @Test
    void softplusSoftsignExponential() {
        // softplus(0) = ln 2; softplus(-30) = log1p(e^-30) keeps its 14 significant digits; softplus(2) = log(1 + e^2)
        double[] sp = apply("softplus", 0, -30, 2);
        assertEquals(0.69314718055994530942, sp[0], TOL);
        assertEquals(9.3576229688397367794e-14, sp[1], 1e-28);
        assertEquals(2.1269280110429724964, sp[2], 4 * TOL);
        // softsign(x) = x / (1 + |x|)
        assertArrayEquals(new double[] {0.75, -0.5, 0}, apply("softsign", 3, -1, 0), TOL);
        assertArrayEquals(new double[] {1, Math.E, Math.exp(-2)}, apply("exponential", 0, 1, -2), TOL);
    }

    @Test
    void hardSigmoidIsKeras3Definition() {
        // relu6(x + 3) / 6: 0 up to -3, 1 from 3, x/6 + 0.5 between. (tf.keras 2's 0.2 x + 0.5 would give 0.8 at 1.5.)
        assertArrayEquals(new double[] {0, 0, 0.25, 0.5, 0.75, 1, 1}, apply("hard_sigmoid", -4, -3, -1.5, 0, 1.5, 3, 4), TOL);
        assertEquals(1.0 / 6, HardSigmoid.SLOPE);
        assertEquals(3.0, HardSigmoid.LIMIT);
    }

    @Test
    void swishAndItsSiluAlias() {
        // swish(x) = x sigmoid(x): swish(1) = 1/(1 + e^-1), swish(-2) = -2/(1 + e^2)
        double[] expected = {0.73105857863000487925, -0.23840584404423511188, 0};
        assertArrayEquals(expected, apply("swish", 1, -2, 0), TOL);
        assertArrayEquals(expected, apply("silu", 1, -2, 0), TOL);
        assertEquals("swish", Activations.get("silu").name());
    }

    @Test
    void geluIsExactByDefault() {
        assertFalse(Gelu.DEFAULT_APPROXIMATE);
        assertFalse(new Gelu().approximate());
        assertEquals(0.044715, Gelu.CUBIC);
        // x Phi(x), from mpmath: the erf form differs from the tanh form in the 4th digit at x = 1
        assertArrayEquals(new double[] {0.84134474606854294859, -0.15865525393145705141, 0.34573123063700655182,
            -0.015524163314440337917, 2.9959503059051097164}, apply("gelu", 1, -1, 0.5, -2.5, 3), 1e-14);
        assertArrayEquals(new double[] {0.84119199060827671763, -0.015084266089998580804}, apply(new Gelu(true), 1, -2.5), 1e-14);
    }

    @Test
    void kinks() {
        // relu: 0 at 0 (TensorFlow's choice); leaky_relu: the slope at 0
        assertArrayEquals(new double[] {0, 0, 1}, derivative(new Relu(), -1e-9, 0, 1e-9), 0);
        assertArrayEquals(new double[] {0, 0, 1, 0, 1}, derivative(new Relu(), -0.0, -Double.MAX_VALUE, Double.MIN_VALUE,
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY), 0, "the branch-free mask at the edges of double");
        assertArrayEquals(new double[] {0.2, 0.2, 1}, derivative(new LeakyRelu(), -1e-9, 0, 1e-9), 0);
        // hard_sigmoid: 1/6 strictly inside (-3, 3), 0 at the kinks and outside (TensorFlow's relu6 gradient)
        assertArrayEquals(new double[] {0, 0, 1.0 / 6, 1.0 / 6, 1.0 / 6, 0, 0},
                derivative(new HardSigmoid(), -3.001, -3, -2.999, 0, 2.999, 3, 3.001), 0);
        // elu: alpha on the negative side and at 0, 1 above; continuous at 0 for the default alpha
        assertArrayEquals(new double[] {1, 1, 1}, derivative(new Elu(), -1e-12, 0, 1e-12), 1e-11);
        assertArrayEquals(new double[] {0.5, 0.5, 1}, derivative(new Elu(0.5), -1e-12, 0, 1e-12), 1e-11);
        // selu jumps from scale * alpha to scale at 0
        assertArrayEquals(new double[] {Selu.SCALE * Selu.ALPHA, Selu.SCALE}, derivative(new Selu(), 0, 1e-12), 1e-11);
    }

    @Test
    void extremeInputsStayFinite() {
        double[] z = {1000, -1000, 0};
        for (String id : new String[] {"sigmoid", "softplus", "tanh", "softsign", "swish", "gelu", "elu", "selu", "hard_sigmoid"}) {
            ActivationFunction f = Activations.get(id);
            double[] a = apply(f, z);
            double[] g = derivative(f, z);
            for (int i = 0; i < z.length; i++) {
                assertTrue(Double.isFinite(a[i]) && Double.isFinite(g[i]), id + " at " + z[i] + ": value " + a[i] + ", derivative " + g[i]);
            }
        }
        // the array form saturates at 1 / (1 + exp(700)), about 1e-304: zero in float32 and to any use in float64
        assertArrayEquals(new double[] {1, 0}, apply("sigmoid", 1000, -1000), 1e-300);
        assertArrayEquals(new double[] {1000, 0}, apply("softplus", 1000, -1000), 0);
        assertArrayEquals(new double[] {1, 0}, derivative(new Softplus(), 1000, -1000), 0);
    }

    @Test
    void softmaxOfExtremeLogitsIsFiniteAndSumsToOne() {
        double[] a = apply(new Softmax(), 1000, 0, -1000);
        assertArrayEquals(new double[] {1, 0, 0}, a, 0);
        double[] b = new double[6];
        new Softmax().forward(new double[] {1000, 999, -1000, 3, 1, 2}, b, 6, 3);
        for (int row = 0; row < 2; row++) {
            double sum = 0;
            for (int j = 0; j < 3; j++) {
                assertTrue(Double.isFinite(b[row * 3 + j]));
                sum += b[row * 3 + j];
            }
            assertEquals(1, sum, 1e-15, "row " + row);
        }
        // exp(1000 - 999) / (exp(1) + 1 + exp(-2000))
        assertEquals(Math.E / (Math.E + 1), b[0], 1e-15);
    }

    @Test
    void badSettingsAreRejectedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LeakyRelu(-0.1));
        assertEquals("leaky_relu negativeSlope must be a finite number >= 0, got -0.1. Keras' default is 0.2.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Elu(Double.NaN));
        assertEquals("elu alpha must be a finite number, got NaN. Keras' default is 1.0.", e.getMessage());
    }

    private static double[] apply(String id, double... z) {
        return apply(Activations.get(id), z);
    }

    private static double[] apply(ActivationFunction f, double... z) {
        double[] a = new double[z.length];
        f.forward(z, a, z.length, z.length);
        return a;
    }

    /** f'(z) for elementwise functions: backward of a unit cotangent. */
    private static double[] derivative(ActivationFunction f, double... z) {
        double[] a = apply(f, z);
        double[] g = new double[z.length];
        java.util.Arrays.fill(g, 1);
        f.backward(z, a, g, z.length, z.length);
        return g;
    }
}
