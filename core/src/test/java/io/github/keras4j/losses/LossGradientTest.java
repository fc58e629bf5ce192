package io.github.keras4j.losses;

import io.github.keras4j.activations.ActivationFunction;
import io.github.keras4j.activations.Sigmoid;
import io.github.keras4j.activations.Softmax;
import io.github.keras4j.testing.GradientCheck;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Central-difference checks of every loss's gradient, in both logits modes, and of the fused forms. */
class LossGradientTest {
    private static final int ROWS = 5;
    private static final int WIDTH = 4;

    @Test
    void everyRegisteredLoss() {
        Map<String, Integer> checked = new LinkedHashMap<>();
        for (String id : Losses.ids()) {
            Loss loss = Losses.get(id);
            checkDefault(loss);
            checked.merge(loss.name(), 1, Integer::sum);
        }
        assertEquals(8, checked.size(), "losses checked: " + checked);
    }

    /** The gradient check for a loss as the registry creates it, with labels and predictions that suit it. */
    private static void checkDefault(Loss loss) {
        Random r = new Random(loss.name().hashCode());
        switch (loss.name()) {
            case "mean_squared_error", "mean_absolute_error" ->
                GradientCheck.checkLoss(loss, gaussian(r, ROWS * WIDTH), gaussian(r, ROWS * WIDTH), ROWS, WIDTH, WIDTH);
            case "categorical_crossentropy" -> {
                // unnormalised positive predictions: the check covers the renormalisation's gradient too
                GradientCheck.checkLoss(loss, oneHot(r, ROWS, WIDTH), uniform(r, ROWS * WIDTH, 0.1, 1), ROWS, WIDTH, WIDTH);
                GradientCheck.checkLoss(loss, softLabels(r, ROWS, WIDTH), uniform(r, ROWS * WIDTH, 0.1, 1), ROWS, WIDTH, WIDTH);
            }
            case "sparse_categorical_crossentropy" ->
                GradientCheck.checkLoss(loss, classIndices(r, ROWS, WIDTH), uniform(r, ROWS * WIDTH, 0.1, 1), ROWS, WIDTH, 1);
            case "binary_crossentropy" -> {
                GradientCheck.checkLoss(loss, zeroOne(r, ROWS * WIDTH), uniform(r, ROWS * WIDTH, 0.05, 0.95), ROWS, WIDTH, WIDTH);
                GradientCheck.checkLoss(loss, uniform(r, ROWS * WIDTH, 0, 1), uniform(r, ROWS * WIDTH, 0.05, 0.95), ROWS, WIDTH, WIDTH);
            }
            case "hinge", "squared_hinge" -> {
                GradientCheck.checkLoss(loss, zeroOne(r, ROWS * WIDTH), awayFromMargin(r, ROWS * WIDTH), ROWS, WIDTH, WIDTH);
                GradientCheck.checkLoss(loss, plusMinusOne(r, ROWS * WIDTH), awayFromMargin(r, ROWS * WIDTH), ROWS, WIDTH, WIDTH);
            }
            case "categorical_hinge" ->
                GradientCheck.checkLoss(loss, oneHot(r, ROWS, WIDTH), gaussian(r, ROWS * WIDTH), ROWS, WIDTH, WIDTH);
            default -> fail("no gradient check data for loss '" + loss.name() + "': add a case here");
        }
    }

    @Test
    void crossentropiesFromLogits() {
        Random r = new Random(3);
        GradientCheck.checkLoss(new CategoricalCrossentropy(true), oneHot(r, ROWS, WIDTH), logits(r), ROWS, WIDTH, WIDTH);
        GradientCheck.checkLoss(new CategoricalCrossentropy(true), softLabels(r, ROWS, WIDTH), logits(r), ROWS, WIDTH, WIDTH);
        GradientCheck.checkLoss(new SparseCategoricalCrossentropy(true), classIndices(r, ROWS, WIDTH), logits(r), ROWS, WIDTH, 1);
        GradientCheck.checkLoss(new BinaryCrossentropy(true), zeroOne(r, ROWS * WIDTH), logits(r), ROWS, WIDTH, WIDTH);
        GradientCheck.checkLoss(new BinaryCrossentropy(true), uniform(r, ROWS * WIDTH, 0, 1), logits(r), ROWS, WIDTH, WIDTH);
    }

    @Test
    void fusedWithTheOutputActivation() {
        Random r = new Random(4);
        GradientCheck.checkFused(new CategoricalCrossentropy(), new Softmax(), oneHot(r, ROWS, WIDTH), logits(r), ROWS, WIDTH, WIDTH);
        GradientCheck.checkFused(new CategoricalCrossentropy(), new Softmax(), softLabels(r, ROWS, WIDTH), logits(r), ROWS, WIDTH, WIDTH);
        GradientCheck.checkFused(new SparseCategoricalCrossentropy(), new Softmax(), classIndices(r, ROWS, WIDTH), logits(r), ROWS, WIDTH, 1);
        GradientCheck.checkFused(new BinaryCrossentropy(), new Sigmoid(), zeroOne(r, ROWS * WIDTH), logits(r), ROWS, WIDTH, WIDTH);
        GradientCheck.checkFused(new BinaryCrossentropy(), new Sigmoid(), uniform(r, ROWS * WIDTH, 0, 1), logits(r), ROWS, WIDTH, WIDTH);
    }

    @Test
    void fusedGradientEqualsLossGradientThroughTheActivation() {
        Random r = new Random(5);
        assertFusedEqualsGeneral(new CategoricalCrossentropy(), new Softmax(), oneHot(r, ROWS, WIDTH), logits(r), WIDTH);
        assertFusedEqualsGeneral(new CategoricalCrossentropy(), new Softmax(), softLabels(r, ROWS, WIDTH), logits(r), WIDTH);
        assertFusedEqualsGeneral(new SparseCategoricalCrossentropy(), new Softmax(), classIndices(r, ROWS, WIDTH), logits(r), 1);
        assertFusedEqualsGeneral(new BinaryCrossentropy(), new Sigmoid(), zeroOne(r, ROWS * WIDTH), logits(r), WIDTH);
    }

    /** Fused dL/dz against the general path: dL/da from the loss, then the activation's backward. */
    private static void assertFusedEqualsGeneral(Loss loss, ActivationFunction f, double[] y, double[] z, int trueWidth) {
        int n = ROWS * WIDTH;
        double[] a = new double[n];
        f.forward(z, a, n, WIDTH);
        double[] fused = new double[n];
        double fusedValue = loss.fusedWith(f).compute(y, new io.github.keras4j.layers.StagedOutput(z, a, ROWS, WIDTH), fused, trueWidth);
        double[] general = new double[n];
        double value = loss.compute(y, a, general, ROWS, WIDTH, trueWidth);
        f.backward(z, a, general, n, WIDTH);
        assertEquals(value, fusedValue, 1e-12, loss.name() + " value");
        for (int i = 0; i < n; i++) {
            assertEquals(general[i], fused[i], 1e-10, loss.name() + " + " + f.name() + " dL/dz[" + i + "]");
        }
    }

    @Test
    void onlyMatchingActivationsFuse() {
        assertTrue(new CategoricalCrossentropy().fusedWith(new Sigmoid()) == null);
        assertTrue(new CategoricalCrossentropy(true).fusedWith(new Softmax()) == null, "logits are taken as given");
        assertTrue(new BinaryCrossentropy().fusedWith(new Softmax()) == null);
        assertTrue(new BinaryCrossentropy(true).fusedWith(new Sigmoid()) == null, "logits are taken as given");
        assertTrue(new MeanSquaredError().fusedWith(new Sigmoid()) == null);
    }

    static double[] gaussian(Random r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }

    static double[] logits(Random r) {
        double[] v = gaussian(r, ROWS * WIDTH);
        for (int i = 0; i < v.length; i++) {
            v[i] *= 3;
        }
        return v;
    }

    static double[] uniform(Random r, int n, double lo, double hi) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * r.nextDouble();
        }
        return v;
    }

    static double[] zeroOne(Random r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextBoolean() ? 1 : 0;
        }
        return v;
    }

    static double[] plusMinusOne(Random r, int n) {
        double[] v = zeroOne(r, n);
        for (int i = 0; i < n; i++) {
            v[i] = 2 * v[i] - 1;
        }
        return v;
    }

    /** Predictions whose hinge margin 1 - y p is at least 0.05 away from the kink for labels of +-1. */
    static double[] awayFromMargin(Random r, int n) {
        double[] v = gaussian(r, n);
        for (int i = 0; i < n; i++) {
            if (Math.abs(Math.abs(v[i]) - 1) < 0.05) {
                v[i] *= 1.2;
            }
        }
        return v;
    }

    static double[] oneHot(Random r, int rows, int width) {
        double[] v = new double[rows * width];
        for (int row = 0; row < rows; row++) {
            v[row * width + r.nextInt(width)] = 1;
        }
        return v;
    }

    static double[] softLabels(Random r, int rows, int width) {
        double[] v = uniform(r, rows * width, 0, 1);
        for (int row = 0; row < rows; row++) {
            double s = 0;
            for (int j = 0; j < width; j++) {
                s += v[row * width + j];
            }
            for (int j = 0; j < width; j++) {
                v[row * width + j] /= s;
            }
        }
        return v;
    }

    static double[] classIndices(Random r, int rows, int width) {
        double[] v = new double[rows];
        for (int i = 0; i < rows; i++) {
            v[i] = r.nextInt(width);
        }
        return v;
    }
}
