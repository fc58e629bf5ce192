package io.github.keras4j.examples.experiments;

import java.io.Serializable;

/**
 * One epoch of one run, with Keras' log names: {@code loss}, {@code acc}, {@code val_loss}, {@code val_acc}
 * (the validation values are NaN when the run has no validation data), and the epoch's wall-clock seconds.
 *
 * @param epoch the epoch number, counted from 1 as Keras prints it
 */
public record EpochResult(int epoch, double loss, double acc, double valLoss, double valAcc, double seconds) implements Serializable {
    public EpochResult {
        if (epoch < 1) {
            throw new IllegalArgumentException("epoch numbers count from 1 as Keras prints them, got " + epoch);
        }
    }

    /** True when the training loss is NaN or infinite: the run diverged. */
    public boolean diverged() {
        return !Double.isFinite(loss);
    }
}
