package io.github.keras4j.optimizers.schedules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Each schedule against numbers worked out from Keras 3's formulas and docstring examples
 * (keras/src/optimizers/schedules/learning_rate_schedule.py), its defaults, and its argument checks.
 */
class LearningRateSchedulesTest {
    private static final double EPS = 1e-12;

    @Test
    void exponentialDecay() {
        // Keras' example: 0.1 * 0.96^(step / 100000), staircase floors the exponent.
        ExponentialDecay smooth = new ExponentialDecay(0.1, 100000, 0.96);
        ExponentialDecay stairs = new ExponentialDecay(0.1, 100000, 0.96, true);
        assertEquals(0.1, smooth.learningRate(0), EPS);
        assertEquals(0.1 * Math.pow(0.96, 2.5), smooth.learningRate(250000), EPS);
        assertEquals(0.1 * 0.96 * 0.96, stairs.learningRate(250000), EPS);
        assertEquals(0.1, stairs.learningRate(99999), EPS);
        assertFalse(ExponentialDecay.DEFAULT_STAIRCASE);
        assertFalse(smooth.staircase());
    }

    @Test
    void piecewiseConstantDecay() {
        // Keras' docstring: 1.0 for the first 100001 steps, 0.5 for the next 10000, then 0.1.
        PiecewiseConstantDecay s = new PiecewiseConstantDecay(new long[] {100000, 110000}, new double[] {1.0, 0.5, 0.1});
        assertEquals(1.0, s.learningRate(0));
        assertEquals(1.0, s.learningRate(100000));
        assertEquals(0.5, s.learningRate(100001));
        assertEquals(0.5, s.learningRate(110000));
        assertEquals(0.1, s.learningRate(110001));
        assertEquals(List.of(100000L, 110000L), s.boundaries());
        assertEquals(List.of(1.0, 0.5, 0.1), s.values());
    }

    @Test
    void polynomialDecay() {
        // Keras' example: from 0.1 to 0.01 in 10000 steps with power 0.5.
        PolynomialDecay s = new PolynomialDecay(0.1, 10000, 0.01, 0.5, false);
        assertEquals(0.1, s.learningRate(0), EPS);
        assertEquals(0.09 * Math.sqrt(0.75) + 0.01, s.learningRate(2500), EPS);
        assertEquals(0.01, s.learningRate(20000), EPS, "held at the end rate after decaySteps");
        PolynomialDecay cycling = new PolynomialDecay(0.1, 10000, 0.01, 1.0, true);
        assertEquals(0.1, cycling.learningRate(0), EPS, "the multiplier is 1 at step 0");
        assertEquals(0.09 * 0.25 + 0.01, cycling.learningRate(15000), EPS, "decaySteps becomes 20000, the next multiple");
        assertEquals(0.01, cycling.learningRate(20000), EPS);
        PolynomialDecay defaults = new PolynomialDecay(0.1, 100);
        assertEquals(0.0001, PolynomialDecay.DEFAULT_END_LEARNING_RATE);
        assertEquals(1.0, PolynomialDecay.DEFAULT_POWER);
        assertFalse(PolynomialDecay.DEFAULT_CYCLE);
        assertEquals(0.0001, defaults.endLearningRate());
        assertEquals((0.1 - 0.0001) * 0.5 + 0.0001, defaults.learningRate(50), EPS, "linear by default");
    }

    @Test
    void inverseTimeDecay() {
        // Keras' example: 0.1 / (1 + 0.5 * step / 1.0).
        InverseTimeDecay s = new InverseTimeDecay(0.1, 1.0, 0.5);
        assertEquals(0.1, s.learningRate(0), EPS);
        assertEquals(0.05, s.learningRate(2), EPS);
        InverseTimeDecay stairs = new InverseTimeDecay(0.1, 3, 0.5, true);
        assertEquals(0.1 / 1.5, stairs.learningRate(5), EPS, "floor(5 / 3) = 1");
        assertFalse(InverseTimeDecay.DEFAULT_STAIRCASE);
    }

    @Test
    void cosineDecayWithoutWarmup() {
        CosineDecay s = new CosineDecay(0.1, 1000);
        assertEquals(0.1, s.learningRate(0), EPS);
        assertEquals(0.05, s.learningRate(500), EPS, "0.1 * 0.5 * (1 + cos(pi / 2))");
        assertEquals(0.0, s.learningRate(1000), EPS);
        assertEquals(0.0, s.learningRate(5000), EPS, "held after decaySteps");
        assertEquals(0.01, new CosineDecay(0.1, 1000, 0.1).learningRate(1000), EPS, "down to initial * alpha");
        assertEquals(0.0, CosineDecay.DEFAULT_ALPHA);
        assertEquals(0, CosineDecay.DEFAULT_WARMUP_STEPS);
        assertNull(s.warmupTarget());
    }

    @Test
    void cosineDecayWithWarmup() {
        // Keras' example: warm up from 0 to 0.1 over 1000 steps, then decay over 1000 steps.
        CosineDecay s = new CosineDecay(0, 1000).withWarmup(0.1, 1000);
        assertEquals(0.0, s.learningRate(0), EPS);
        assertEquals(0.05, s.learningRate(500), EPS);
        assertEquals(0.1, s.learningRate(1000), EPS);
        assertEquals(0.05, s.learningRate(1500), EPS, "decaying from the warmup target");
        assertEquals(0.0, s.learningRate(2000), EPS);
        assertEquals(0.0, s.learningRate(9000), EPS);
        // warmup target with no warmup steps: the decay starts from the target at once.
        assertEquals(0.2, new CosineDecay(0.1, 10, 0, 0.2, 0).learningRate(0), EPS);
    }

    @Test
    void badArgumentsAreNamed() {
        assertEquals("ExponentialDecay decaySteps must be a finite number > 0, got 0.0. It is a number of optimizer steps, e.g."
                + " new ExponentialDecay(0.1, 1000, 0.96).", message(() -> new ExponentialDecay(0.1, 0, 0.96)));
        assertEquals("CosineDecay initialLearningRate must be a finite number >= 0, got -0.1. It is a learning rate, such as 0.1 or"
                + " 0.001.", message(() -> new CosineDecay(-0.1, 100)));
        assertEquals("PiecewiseConstantDecay needs one value more than boundaries, got 2 boundaries [10, 20] and 2 values [0.1, 0.01]:"
                + " values[0] holds up to boundaries[0], values[i] after boundaries[i-1], the last value after the last boundary.",
                message(() -> new PiecewiseConstantDecay(new long[] {10, 20}, new double[] {0.1, 0.01})));
        assertEquals("PiecewiseConstantDecay boundaries must increase strictly, got [20, 10].",
                message(() -> new PiecewiseConstantDecay(new long[] {20, 10}, new double[] {0.1, 0.01, 0.001})));
        message(() -> new PolynomialDecay(0.1, Double.POSITIVE_INFINITY));
        message(() -> new InverseTimeDecay(0.1, 10, -1));
        message(() -> new CosineDecay(0.1, 10).withWarmup(Double.NaN, 10));
    }

    private static String message(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }
}
