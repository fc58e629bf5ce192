package io.github.keras4j.optimizers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Bad hyperparameters fail at construction, echoing the value and the allowed range. */
class OptimizerValidationTest {
    private static String message(Executable construct) {
        return assertThrows(IllegalArgumentException.class, construct).getMessage();
    }

    @Test
    void learningRateMustBePositive() {
        assertEquals("SGD learning rate must be a finite number > 0, got 0.0. Use a small positive rate such as 0.01 (SGD)"
                + " or 0.001 (Adam, RMSprop).", message(() -> new SGD(0)));
        assertEquals("Adam learning rate must be a finite number > 0, got -0.001. Use a small positive rate such as 0.01 (SGD)"
                + " or 0.001 (Adam, RMSprop).", message(() -> new Adam(-0.001)));
        message(() -> new RMSprop(Double.NaN));
        message(() -> new Adagrad(Double.POSITIVE_INFINITY));
        Adam adam = new Adam();
        message(() -> adam.setLearningRate(0));
        assertEquals(0.001, adam.learningRate(), "a rejected rate leaves the old one");
    }

    @Test
    void sgdMomentumMustLieInZeroToOneInclusive() {
        // Keras: "`momentum` must be a float between [0, 1]."
        assertEquals("SGD momentum must be in [0, 1], got 1.5. Keras' default is 0.0.", message(() -> new SGD(0.01, 1.5, false)));
        assertEquals("SGD momentum must be in [0, 1], got -0.1. Keras' default is 0.0.", message(() -> new SGD(0.01, -0.1, true)));
        assertDoesNotThrow(() -> new SGD(0.01, 1.0, false));
        assertDoesNotThrow(() -> new SGD(0.01, 0.0, true));
    }

    @Test
    void adamBetasMustLieInZeroToOneExclusive() {
        assertEquals("Adam beta1 must be in [0, 1), got 1.0. Keras' default is 0.9.", message(() -> new Adam(0.001, 1.0, 0.999, 1e-7)));
        assertEquals("Adam beta2 must be in [0, 1), got -0.5. Keras' default is 0.999.", message(() -> new Adam(0.001, 0.9, -0.5, 1e-7)));
        assertDoesNotThrow(() -> new Adam(0.001, 0.0, 0.0, 1e-7));
    }

    @Test
    void epsilonMustBePositive() {
        assertEquals("Adam epsilon must be a finite number > 0, got 0.0. Keras' default is 1.0E-7.",
                message(() -> new Adam(0.001, 0.9, 0.999, 0)));
        assertEquals("RMSprop epsilon must be a finite number > 0, got -1.0E-7. Keras' default is 1.0E-7.",
                message(() -> new RMSprop(0.001, 0.9, 0, -1e-7, false)));
        assertEquals("Adagrad epsilon must be a finite number > 0, got 0.0. Keras' default is 1.0E-7.",
                message(() -> new Adagrad(0.001, 0.1, 0)));
    }

    @Test
    void rmspropRhoAndMomentumRanges() {
        assertEquals("RMSprop rho must be in [0, 1), got 1.0. Keras' default is 0.9.", message(() -> new RMSprop(0.001, 1.0, 0, 1e-7, false)));
        assertEquals("RMSprop momentum must be in [0, 1], got 2.0. Keras' default is 0.0.", message(() -> new RMSprop(0.001, 0.9, 2, 1e-7, false)));
        assertDoesNotThrow(() -> new RMSprop(0.001, 0.0, 1.0, 1e-7, true));
    }

    @Test
    void adagradAccumulatorMayStartAtZeroButNotBelow() {
        assertEquals("Adagrad initialAccumulatorValue must be a finite number >= 0, got -0.1. Keras' default is 0.1.",
                message(() -> new Adagrad(0.001, -0.1, 1e-7)));
        assertDoesNotThrow(() -> new Adagrad(0.001, 0.0, 1e-7));
    }

    @Test
    void newOptimizersCheckTheirHyperparameters() {
        assertEquals("Nadam beta1 must be in [0, 1), got 1.0. Keras' default is 0.9.", message(() -> new Nadam(0.001, 1.0, 0.999, 1e-7)));
        assertEquals("Adamax beta2 must be in [0, 1], got 1.5. Keras' default is 0.999.", message(() -> new Adamax(0.001, 0.9, 1.5, 1e-7)));
        assertDoesNotThrow(() -> new Adamax(0.001, 0.9, 1.0, 1e-7));
        assertEquals("Adadelta rho must be in [0, 1], got -0.5. Keras' default is 0.95.", message(() -> new Adadelta(0.001, -0.5, 1e-7)));
        assertEquals("Adadelta epsilon must be a finite number > 0, got 0.0. Keras' default is 1.0E-7.", message(() -> new Adadelta(0.001, 0.95, 0)));
        assertEquals("AdamW beta2 must be in [0, 1), got 1.0. Keras' default is 0.999.",
                message(() -> new AdamW(0.001, 0.004, 0.9, 1.0, 1e-7, false)));
        assertEquals("AdamW weightDecay must be a finite number >= 0, or null for none, got -1.0. Keras' AdamW uses 0.004.",
                message(() -> new AdamW(0.001, -1, 0.9, 0.999, 1e-7, false)));
        assertEquals("Nadam learning rate must be a finite number > 0, got 0.0. Use a small positive rate such as 0.01 (SGD) or 0.001"
                + " (Adam, RMSprop).", message(() -> new Nadam(0)));
    }
}
