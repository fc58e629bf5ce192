package io.github.keras4j.examples.experiments;

import java.util.List;

/**
 * What a {@link Trainer} hands back: the per-epoch results, the model's parameter count and a fingerprint of
 * the trained model (e.g. a checksum of its weights) that tells whether two runs with one seed really produced
 * the same model; an empty string when the trainer has none.
 */
public record TrainingHistory(List<EpochResult> epochs, long parameterCount, String fingerprint) {
    public TrainingHistory {
        epochs = List.copyOf(epochs);
        if (parameterCount < 0) {
            throw new IllegalArgumentException("parameterCount must be >= 0, got " + parameterCount);
        }
        fingerprint = fingerprint == null ? "" : fingerprint;
    }

    /** A history without a fingerprint. */
    public TrainingHistory(List<EpochResult> epochs, long parameterCount) {
        this(epochs, parameterCount, "");
    }
}
