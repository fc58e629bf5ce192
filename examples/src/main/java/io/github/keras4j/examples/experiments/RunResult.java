package io.github.keras4j.examples.experiments;

import java.io.Serializable;

import java.util.List;
import java.util.OptionalDouble;

/**
 * One run of one variant with one seed: the full configuration that produced it, the epochs it completed, the
 * model's parameter count ({@value #UNKNOWN_PARAMETERS} when the trainer failed before reporting it), how it
 * ended and the trainer's fingerprint of the model.
 */
public record RunResult(RunConfig config, long seed, List<EpochResult> epochs, long parameterCount,
                        RunStatus status, String fingerprint) implements Serializable {
    /** The parameter count of a run whose trainer threw before returning one. */
    public static final long UNKNOWN_PARAMETERS = -1;

    public RunResult {
        epochs = List.copyOf(epochs);
        fingerprint = fingerprint == null ? "" : fingerprint;
    }

    /** The variant's label: the configuration's name. */
    public String variant() {
        return config.name();
    }

    /** The last completed epoch, if any. */
    public EpochResult lastEpoch() {
        return epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
    }

    /** The validation accuracy of the last epoch (NaN without epochs). */
    public double finalValAcc() {
        return epochs.isEmpty() ? Double.NaN : lastEpoch().valAcc();
    }

    /** The highest validation accuracy of any epoch, ignoring NaN (NaN without any). */
    public double bestValAcc() {
        OptionalDouble best = epochs.stream().mapToDouble(EpochResult::valAcc).filter(d -> !Double.isNaN(d)).max();
        return best.orElse(Double.NaN);
    }

    /** The training loss of the last epoch (NaN without epochs). */
    public double finalLoss() {
        return epochs.isEmpty() ? Double.NaN : lastEpoch().loss();
    }

    /** The validation loss of the last epoch (NaN without epochs or validation data). */
    public double finalValLoss() {
        return epochs.isEmpty() ? Double.NaN : lastEpoch().valLoss();
    }

    /** Mean wall-clock seconds per completed epoch (NaN without epochs). */
    public double secondsPerEpoch() {
        return epochs.stream().mapToDouble(EpochResult::seconds).average().orElse(Double.NaN);
    }
}
