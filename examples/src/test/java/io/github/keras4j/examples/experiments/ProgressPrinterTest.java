package io.github.keras4j.examples.experiments;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A run's progress line shows the validation figure the run has: val_acc for a classifier, val_loss for a regression. */
class ProgressPrinterTest {
    private static final RunConfig CONFIG = RunConfig.of("3 neurons", "epochs", 2);

    @Test
    void aRegressionShowsItsValidationLossNotANaNAccuracy() {
        EpochResult regression = new EpochResult(2, 0.0123, Double.NaN, 0.0145, Double.NaN, 1);
        assertEquals("[run 1/9] 3 neurons, seed 1: epoch 2/2  loss 0.0123  val_loss 0.0145  1.5 s  OK",
                ProgressPrinter.line(1, 9, CONFIG, 1, regression, 2, 1.5, "  OK"));
    }

    @Test
    void aClassifierShowsItsValidationAccuracyAndADivergedRunItsNaNs() {
        EpochResult classifier = new EpochResult(2, 0.2831, 0.9, 0.3, 0.9213, 1);
        assertEquals("[run 3/6] 3 neurons, seed 2: epoch 2/2  loss 0.2831  val_acc 0.9213  12.4 s",
                ProgressPrinter.line(3, 6, CONFIG, 2, classifier, 2, 12.4, ""));
        EpochResult diverged = new EpochResult(2, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1);
        assertEquals("[run 3/6] 3 neurons, seed 2: epoch 2/2  loss NaN  val_acc NaN  1.0 s",
                ProgressPrinter.line(3, 6, CONFIG, 2, diverged, 2, 1.0, ""));
    }
}
