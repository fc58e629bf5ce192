package io.github.keras4j.losses;

import io.github.keras4j.activations.Sigmoid;
import io.github.keras4j.activations.Softmax;
import io.github.keras4j.layers.StagedOutput;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Goldens from Keras' formulas and docstrings, label conventions, clipping, and extreme logits. */
class LossValuesTest {
    @Test
    void categoricalCrossentropyKerasDocstringExample() {
        // Rows sum to 1, so no renormalisation; the 0 is clipped to 1e-7 but has label 0.
        // per sample: -log(0.95) = 0.051293, -log(0.1) = 2.302585; mean = (0.051293 + 2.302585) / 2 = 1.176939
        double expected = (-Math.log(0.95) - Math.log(0.1)) / 2;
        double value = new CategoricalCrossentropy().compute(Nd4j.createFromArray(new float[][] {{0, 1, 0}, {0, 0, 1}}),
                Nd4j.createFromArray(new float[][] {{0.05f, 0.95f, 0}, {0.1f, 0.8f, 0.1f}})).value();
        assertEquals(1.177, value, 5e-4);
        assertEquals(expected, value, 1e-6); // float32 inputs
    }

    @Test
    void meanSquaredAndAbsoluteError() {
        double[] y = {1, 0, 1};
        double[] p = {0.9, 0.1, 0.8};
        double[] grad = new double[3];
        // ((0.1)^2 + (0.1)^2 + (0.2)^2) / 3 = 0.06 / 3 = 0.02
        assertEquals(0.02, new MeanSquaredError().compute(y, p, grad, 1, 3, 3), 1e-15);
        // 2 (p - y) / 3
        assertArrayEquals(new double[] {-0.2 / 3, 0.2 / 3, -0.4 / 3}, grad, 1e-15);
        // (0.1 + 0.1 + 0.2) / 3; gradient sign(p - y) / 3
        assertEquals(0.4 / 3, new MeanAbsoluteError().compute(y, p, grad, 1, 3, 3), 1e-15);
        assertArrayEquals(new double[] {-1.0 / 3, 1.0 / 3, -1.0 / 3}, grad, 1e-15);
    }

    @Test
    void binaryCrossentropyKerasDocstringExamples() {
        double[] grad = new double[4];
        // probabilities: per sample [-(log .4 + log .4) / 2, -(log .6 + log .4) / 2] = [0.916291, 0.713558]; mean 0.814924
        double value = new BinaryCrossentropy().compute(new double[] {0, 1, 0, 0}, new double[] {0.6, 0.4, 0.4, 0.6}, grad, 2, 2, 2);
        assertEquals((-Math.log(0.4) - Math.log(0.4) - Math.log(0.6) - Math.log(0.4)) / 4, value, 1e-15);
        assertEquals(0.815, value, 5e-4);
        // dL/dp = (-y/p + (1 - y)/(1 - p)) / 4
        assertArrayEquals(new double[] {1 / 0.4 / 4, -1 / 0.4 / 4, 1 / 0.6 / 4, 1 / 0.4 / 4}, grad, 1e-15);
        // logits, Keras: 0.8654; each term softplus(z) - z y
        double[] y = {0, 1, 0, 0};
        double[] z = {-18.6, 0.51, 2.94, -12.8};
        double expected = 0;
        for (int i = 0; i < 4; i++) {
            expected += (Math.log1p(Math.exp(z[i])) - z[i] * y[i]) / 4;
        }
        value = new BinaryCrossentropy(true).compute(y, z, grad, 2, 2, 2);
        assertEquals(expected, value, 1e-15);
        assertEquals(0.8654, value, 1e-4);
        for (int i = 0; i < 4; i++) {
            assertEquals((Sigmoid.sigmoid(z[i]) - y[i]) / 4, grad[i], 1e-15);
        }
    }

    @Test
    void binaryCrossentropyClipsLikeKeras() {
        assertEquals(1e-7, BinaryCrossentropy.EPSILON);
        assertEquals(CategoricalCrossentropy.EPSILON, BinaryCrossentropy.EPSILON);
        double[] grad = new double[2];
        // p = 0 with label 1 and p = 1 with label 0 are clipped to 1e-7 away: each costs -log(1e-7) = 16.118; no gradient
        double value = new BinaryCrossentropy().compute(new double[] {1, 0}, new double[] {0, 1}, grad, 1, 2, 2);
        assertEquals(-Math.log(1e-7), value, 1e-9); // 1 - (1 - 1e-7) is 1e-7 only to 9 digits in double
        assertArrayEquals(new double[] {0, 0}, grad, 0);
    }

    @Test
    void hingeConvertsZeroOneLabels() {
        double[] p = {0.3, 0.8, -0.4, 0.6};
        double[] grad = new double[4];
        // {0,1} -> {-1,1}: margins 1 + 0.3, 1 - 0.8, 1 - 0.4 (y=1, p=-0.4 -> 1.4), 1 + 0.6 = [1.3, 0.2, 1.4, 1.6]; mean 4.5 / 4
        double[] zeroOne = {0, 1, 1, 0};
        double[] signed = {-1, 1, 1, -1};
        assertEquals(1.125, new Hinge().compute(zeroOne, p, grad, 2, 2, 2), 1e-15);
        assertArrayEquals(new double[] {0.25, -0.25, -0.25, 0.25}, grad, 1e-15); // -y / 4
        assertEquals(1.125, new Hinge().compute(signed, p, grad, 2, 2, 2), 1e-15);
        // squared: (1.69 + 0.04 + 1.96 + 2.56) / 4 = 1.5625; gradient -2 y margin / 4
        assertEquals(1.5625, new SquaredHinge().compute(zeroOne, p, grad, 2, 2, 2), 1e-15);
        assertArrayEquals(new double[] {0.65, -0.1, -0.7, 0.8}, grad, 1e-15);
        assertEquals(1.5625, new SquaredHinge().compute(signed, p, grad, 2, 2, 2), 1e-15);
        // labels not all in {0, 1} are used unchanged, as Keras does: the 0s give margin 1
        // margins [1 + 0.3, 1 - 0, 1 + 0.4, 1 - 0] -> mean 4.7 / 4
        assertEquals(1.175, new Hinge().compute(new double[] {-1, 0, 1, 0}, p, grad, 2, 2, 2), 1e-15);
        // beyond the margin there is neither loss nor gradient
        assertEquals(0, new Hinge().compute(new double[] {1, -1}, new double[] {2, -1.5}, grad, 1, 2, 2));
        assertArrayEquals(new double[] {0, 0}, new double[] {grad[0], grad[1]}, 0);
    }

    @Test
    void categoricalHinge() {
        double[] grad = new double[6];
        // row 1: pos = 0.6, neg = max(0.3, 0, 0.1) = 0.3 -> 1 + 0.3 - 0.6 = 0.7
        // row 2: pos = 0.2, neg = max(0, 0.5, 0.3) = 0.5 -> 1 + 0.5 - 0.2 = 1.3; mean 1.0
        double value = new CategoricalHinge().compute(new double[] {0, 1, 0, 1, 0, 0}, new double[] {0.3, 0.6, 0.1, 0.2, 0.5, 0.3},
                grad, 2, 3, 3);
        assertEquals(1.0, value, 1e-15);
        // -y_j, plus 1 at the best other class, over 2 samples
        assertArrayEquals(new double[] {0.5, -0.5, 0, -0.5, 0.5, 0}, grad, 1e-15);
        // a margin of more than 1: no loss, no gradient
        assertEquals(0, new CategoricalHinge().compute(new double[] {0, 1, 0}, new double[] {0.1, 2, -1}, grad, 1, 3, 3));
        assertArrayEquals(new double[] {0, 0, 0}, new double[] {grad[0], grad[1], grad[2]}, 0);
    }

    @Test
    void extremeLogitsGiveFiniteLossesAndGradients() {
        double[] z = {1000, -1000, 0, -1000, 1000, 0};
        double[] oneHot = {0, 1, 0, 0, 0, 1}; // both rows put the label on a hopeless class
        double[] a = new double[6];
        new Softmax().forward(z, a, 6, 3);
        double[] grad = new double[6];
        double fused = new CategoricalCrossentropy().fusedWith(new Softmax()).compute(oneHot, new StagedOutput(z, a, 2, 3), grad, 3);
        assertFinite("softmax + categorical_crossentropy (fused)", fused, grad);
        assertEquals((2000 + 1000) / 2.0, fused, 1e-9); // -log softmax: 2000 for the first row, 1000 for the second
        double logits = new CategoricalCrossentropy(true).compute(oneHot, z, grad, 2, 3, 3);
        assertFinite("categorical_crossentropy from logits", logits, grad);
        assertEquals(fused, logits, 1e-9);
        double sparse = new SparseCategoricalCrossentropy(true).compute(new double[] {1, 2}, z, grad, 2, 3, 1);
        assertEquals(fused, sparse, 1e-9);
        assertFinite("sparse_categorical_crossentropy from logits", sparse, grad);

        double[] zb = {1000, -1000, 1000, -1000};
        double[] yb = {0, 1, 1, 0};
        double[] s = new double[4];
        new Sigmoid().forward(zb, s, 4, 2);
        grad = new double[4];
        double bceFused = new BinaryCrossentropy().fusedWith(new Sigmoid()).compute(yb, new StagedOutput(zb, s, 2, 2), grad, 2);
        assertFinite("sigmoid + binary_crossentropy (fused)", bceFused, grad);
        assertEquals(500, bceFused, 1e-9); // two values cost 1000, two cost 0
        assertArrayEquals(new double[] {0.25, -0.25, 0, 0}, grad, 1e-15); // (sigmoid(z) - y) / 4
        double bceLogits = new BinaryCrossentropy(true).compute(yb, zb, grad, 2, 2, 2);
        assertFinite("binary_crossentropy from logits", bceLogits, grad);
        assertEquals(500, bceLogits, 1e-9);
    }

    private static void assertFinite(String what, double value, double[] grad) {
        assertTrue(Double.isFinite(value), what + " value " + value);
        for (double g : grad) {
            assertTrue(Double.isFinite(g), what + " gradient " + java.util.Arrays.toString(grad));
        }
    }
}
