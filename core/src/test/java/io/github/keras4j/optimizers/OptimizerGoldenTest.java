package io.github.keras4j.optimizers;

import io.github.keras4j.layers.Parameter;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Single steps worked out by hand from Keras' update rules. */
class OptimizerGoldenTest {
    private static double[] oneStep(Optimizer optimizer, double[] w, double[] g) {
        return TestParameters.oneStep(optimizer, DataType.FLOAT, w, g);
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

    @Test
    void nadamFirstStepByHand() {
        // nadam.py, lr 0.1, w = 1, g = 2: u1 = 0.9 (1 - 0.5 * 0.96) = 0.468, u2 = 0.9 (1 - 0.5 * 0.96^2) = 0.48528,
        // uProduct = u1 = 0.468, uProduct * u2 = 0.22711104; m = 0.2, v = 0.004;
        // mHat = 0.48528 * 0.2 / (1 - 0.22711104) + (1 - 0.468) * 2 / (1 - 0.468) = 0.1255756 + 2 = 2.1255756,
        // vHat = 0.004 / (1 - 0.999) = 4; w = 1 - 2.1255756 * 0.1 / (2 + 1e-7) = 0.8937212.
        Nadam nadam = new Nadam(0.1);
        assertArrayEquals(new double[] {0.8937212}, oneStep(nadam, new double[] {1}, new double[] {2}), 1e-6);
        assertEquals(0.468f, nadam.uProduct(), 1e-7f);
    }

    @Test
    void adamaxFirstStepByHand() {
        // adamax.py, lr 0.1, w = 1, g = -2: m = 0.1 * -2 = -0.2, u = max(0, |-2|) = 2,
        // w = 1 - 0.1 * -0.2 / ((1 - 0.9) * (2 + 1e-7)) = 1.1 - 5e-9.
        assertArrayEquals(new double[] {1.1}, oneStep(new Adamax(0.1), new double[] {1}, new double[] {-2}), 1e-6);
    }

    @Test
    void adadeltaFirstStepByHand() {
        // adadelta.py, lr 1, rho 0.95, w = 1, g = 2: E[g^2] = 0.05 * 4 = 0.2,
        // dx = -sqrt(0 + 1e-7) * 2 / sqrt(0.2 + 1e-7) = -0.0014142132, w = 1 + dx = 0.9985858.
        assertArrayEquals(new double[] {0.9985858}, oneStep(new Adadelta(1.0), new double[] {1}, new double[] {2}), 1e-6);
    }

    @Test
    void amsgradDividesByTheLargestVelocitySeen() {
        // adam.py with amsgrad, lr 0.1, w = 1. Step 1, g = 1: m = 0.1, v = vhat = 0.001, w = 0.9000003.
        // Step 2, g = 0.01: m = 0.091, v = 0.001 + (0.0001 - 0.001) * 0.001 = 0.0009991 < vhat = 0.001,
        // alpha = 0.1 sqrt(1 - 0.999^2) / (1 - 0.9^2) = 0.0235317, w = 0.9000003 - alpha * 0.091 / (sqrt(0.001) + 1e-7)
        // = 0.8322841 (plain Adam divides by sqrt(v): 0.8322536).
        Adam adam = new Adam(0.1, 0.9, 0.999, 1e-7, true);
        Parameter p = TestParameters.vector(DataType.DOUBLE, 1.0);
        TestParameters.setGradient(p, 1.0);
        adam.apply(List.of(p));
        TestParameters.setGradient(p, 0.01);
        adam.apply(List.of(p));
        assertArrayEquals(new double[] {0.8322841}, TestParameters.values(p), 1e-6);
        assertEquals(0.001f, adam.slotsOf(p)[2][0], 1e-9f, "velocity_hat keeps the maximum");
    }

    @Test
    void adamWDecaysTheWeightsBeforeAdamsStep() {
        // adamw.py / base_optimizer.py: w = 1 - 1 * 0.004 * 0.1 = 0.9996, then Adam's first step of about lr:
        // 0.9996 - 0.1 * 0.0158114 / (0.0158114 + 1e-7) = 0.8996006.
        assertArrayEquals(new double[] {0.8996006}, oneStep(new AdamW(0.1), new double[] {1}, new double[] {0.5}), 1e-6);
    }
}
