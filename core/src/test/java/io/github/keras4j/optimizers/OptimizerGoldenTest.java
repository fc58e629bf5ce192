package io.github.keras4j.optimizers;

import io.github.keras4j.layers.Parameter;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Single steps worked out by hand from Keras' update rules. */
class OptimizerGoldenTest {
    private static double[] oneStep(Optimizer optimizer, double[] w, double[] g) {
        Parameter p = TestParameters.vector(DataType.FLOAT, w);
        TestParameters.setGradient(p, g);
        optimizer.apply(List.of(p));
        return TestParameters.values(p);
    }

    @Test
    void sgdStepIsLearningRateTimesGradient() {
        // w - 0.5 g = [1 - 0.5, 2 - 3, 3 - 3.5, 4 - 1]
        assertArrayEquals(new double[] {0.5, -1, -0.5, 3},
                oneStep(new SGD(0.5), new double[] {1, 2, 3, 4}, new double[] {1, 6, 7, 2}), 0);
    }

    @Test
    void adamFirstStepMovesEachWeightByTheLearningRate() {
        // Step 1: m = 0.1 g, v = 0.001 g^2, alpha = lr sqrt(0.001) / 0.1, so the step is
        // lr * |g| sqrt(0.001) / (|g| sqrt(0.001) + 1e-7) * sign(g) = 0.5 sign(g) up to ~2e-6.
        assertArrayEquals(new double[] {0.5, 1.5, 2.5, 3.5},
                oneStep(new Adam(0.5), new double[] {1, 2, 3, 4}, new double[] {1, 6, 7, 2}), 1e-5);
    }

    @Test
    void rmspropMatchesKerasDocstringExample() {
        // Keras' RMSprop docstring: lr 0.1, var1 = 10, loss var1^2 / 2 (gradient 10) -> 9.683772 after one step:
        // v = 0.1 * 100 = 10, w = 10 - 0.1 * 10 / sqrt(10 + 1e-7).
        assertArrayEquals(new double[] {9.683772}, oneStep(new RMSprop(0.1), new double[] {10}, new double[] {10}), 1e-6);
    }

    @Test
    void adagradFirstStepStartsFromTheInitialAccumulator() {
        // accumulator = 0.1 + 2^2 = 4.1; w = 1 - 0.1 * 2 / sqrt(4.1 + 1e-7) = 0.9012270...
        assertArrayEquals(new double[] {0.901227}, oneStep(new Adagrad(0.1), new double[] {1}, new double[] {2}), 1e-6);
    }

    @Test
    void sgdMomentumTwoStepsByHand() {
        SGD sgd = new SGD(0.1, 0.9, false);
        Parameter p = TestParameters.vector(DataType.DOUBLE, 1.0);
        TestParameters.setGradient(p, 1.0);
        sgd.apply(List.of(p)); // m = -0.1, w = 0.9
        sgd.apply(List.of(p)); // m = 0.9 * -0.1 - 0.1 = -0.19, w = 0.71
        assertArrayEquals(new double[] {0.71}, TestParameters.values(p), 1e-7, "float32 arithmetic");
    }

    @Test
    void sgdNesterovTwoStepsByHand() {
        SGD sgd = new SGD(0.1, 0.9, true);
        Parameter p = TestParameters.vector(DataType.DOUBLE, 1.0);
        TestParameters.setGradient(p, 1.0);
        sgd.apply(List.of(p)); // m = -0.1, w = 1 + 0.9 * -0.1 - 0.1 = 0.81
        sgd.apply(List.of(p)); // m = -0.19, w = 0.81 + 0.9 * -0.19 - 0.1 = 0.539
        assertArrayEquals(new double[] {0.539}, TestParameters.values(p), 1e-7, "float32 arithmetic");
    }
}
