package io.github.keras4j.regularizers;

import io.github.keras4j.engine.LayerStack;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Shape;
import io.github.keras4j.losses.MeanSquaredError;
import io.github.keras4j.optimizers.SGD;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Keras' penalties (keras/src/regularizers/regularizers.py): values by hand, gradients by central differences. */
class RegularizersTest {
    private static final double[] W = {1, -2, 3, 0};

    @Test
    void penaltiesByHand() {
        // sum |w| = 6, sum w^2 = 14; no 1/2 on the L2 term
        assertEquals(0.6, new L1(0.1).penalty(W, 4), 1e-15);
        assertEquals(0.14, new L2(0.01).penalty(W, 4), 1e-15);
        assertEquals(0.74, new L1L2(0.1, 0.01).penalty(W, 4), 1e-15);
        assertEquals(0.1, new L1(0.1).penalty(W, 1), 1e-15, "only the first n weights");
    }

    @Test
    void kerasDocstringExamples() {
        // Keras' Regularizer docstring: a 5x5 kernel of ones with L1(0.01) -> 0.25; with l2 = 0.5 -> 12.5.
        double[] ones = new double[25];
        java.util.Arrays.fill(ones, 1);
        assertEquals(0.25, new L1(0.01).penalty(ones, 25), 1e-15);
        assertEquals(12.5, new L2(0.5).penalty(ones, 25), 1e-15);
    }

    @Test
    void gradientsMatchCentralDifferences() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] w = new double[20];
        for (int i = 0; i < w.length; i++) {
            double x = rng.nextDouble(0.1, 2); // away from 0, where |w| has a kink
            w[i] = rng.nextBoolean() ? x : -x;
        }
        for (Regularizer r : List.of(new L1(0.3), new L2(0.7), new L1L2(0.2, 0.05))) {
            double[] grad = new double[w.length];
            java.util.Arrays.fill(grad, 1.0); // addGradient adds to what is there
            r.addGradient(w, grad, w.length);
            double h = 1e-6;
            for (int i = 0; i < w.length; i++) {
                double[] plus = w.clone(), minus = w.clone();
                plus[i] += h;
                minus[i] -= h;
                double numeric = (r.penalty(plus, w.length) - r.penalty(minus, w.length)) / (2 * h);
                assertEquals(numeric, grad[i] - 1.0, 1e-7 * Math.max(1, Math.abs(numeric)), r + " weight " + i);
            }
        }
    }

    @Test
    void l1GradientIsZeroAtZero() {
        double[] grad = new double[4];
        new L1L2(0.1, 0.01).addGradient(W, grad, 4);
        // l1 sign(w) + 2 l2 w
        assertArrayEquals(new double[] {0.12, -0.14, 0.16, 0}, grad, 1e-15);
    }

    @Test
    void defaultFactorsAreKeras() {
        assertEquals(0.01, Regularizers.DEFAULT_FACTOR);
        assertEquals(0.01, L1.DEFAULT_L1);
        assertEquals(0.01, L2.DEFAULT_L2);
        assertEquals(0.01, new L1().l1());
        assertEquals(0.01, new L2().l2());
        assertEquals(0.01, Regularizers.l1().l1());
        assertEquals(0.01, Regularizers.l2().l2());
        assertEquals(0.01, Regularizers.l1l2().l1());
        assertEquals(0.01, Regularizers.l1l2().l2());
        assertEquals(0.14, Regularizers.l2().penalty(W, 4), 1e-15);
        assertEquals(0.06 + 0.14, Regularizers.l1l2().penalty(W, 4), 1e-15);
    }

    @Test
    void factoriesAndIdentifiers() {
        assertEquals(0.5, Regularizers.l1(0.5).l1());
        assertEquals(0.25, Regularizers.l2(0.25).l2());
        L1L2 both = Regularizers.l1l2(0.1, 0.2);
        assertEquals(0.1, both.l1());
        assertEquals(0.2, both.l2());
        assertEquals(List.of("l1", "l1_l2", "l1l2", "l2"), Regularizers.ids());
        assertEquals(0.01, assertInstanceOf(L1.class, Regularizers.get("l1")).l1());
        assertEquals(0.01, assertInstanceOf(L2.class, Regularizers.get("L2")).l2());
        assertEquals(0.01, assertInstanceOf(L1L2.class, Regularizers.get("l1_l2")).l2());
        assertEquals("Unknown regularizer 'l3'. Did you mean 'l1' or 'l2'? Known regularizers: l1, l1_l2, l1l2, l2.",
                assertThrows(IllegalArgumentException.class, () -> Regularizers.get("l3")).getMessage());
    }

    @Test
    void badFactorsAreRejected() {
        assertEquals("L2 l2 must be a finite number >= 0, got -1.0. Use 0 to switch the term off, or a small factor such as 0.01.",
                assertThrows(IllegalArgumentException.class, () -> new L2(-1)).getMessage());
        assertEquals("L1L2 l1 must be a finite number >= 0, got NaN. Use 0 to switch the term off, or a small factor such as 0.01.",
                assertThrows(IllegalArgumentException.class, () -> new L1L2(Double.NaN, 0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new L1(Double.POSITIVE_INFINITY));
    }

    @Test
    void trainingStepAddsPenaltyToLossAndGradient() {
        // A linear Dense on zero inputs: the data loss and its gradient are 0, so the step is the penalty's alone.
        LayerStack stack = new LayerStack();
        stack.add(new Dense(2).useBias(false).kernelInitializer("ones").kernelRegularizer(Regularizers.l2(0.5)));
        stack.build(Shape.of(3), DataType.DOUBLE);
        assertEquals(0.5 * 6, stack.regularizationPenalty(), 1e-15);
        double loss = stack.trainStep(Nd4j.zeros(DataType.DOUBLE, 4, 3), Nd4j.zeros(DataType.DOUBLE, 4, 2),
                new MeanSquaredError(), new SGD(0.1)).loss();
        assertEquals(3.0, loss, 1e-15, "mse 0 + 0.5 * sum(1^2)");
        // dPenalty/dw = 2 * 0.5 * w = 1, so w = 1 - 0.1 * 1
        double[] w = stack.weights().get(0).value().data().asDouble();
        assertArrayEquals(new double[] {0.9, 0.9, 0.9, 0.9, 0.9, 0.9}, w, 1e-7, "optimizers update in float32");
    }
}
