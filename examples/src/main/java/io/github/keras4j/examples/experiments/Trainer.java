package io.github.keras4j.examples.experiments;

/**
 * Trains one model for one configuration and seed: builds it from the settings, fits it, calls
 * {@code listener} after every epoch and returns the history. A lesson implements it in a few lines with
 * {@code Sequential}; the runner never sees the model.
 *
 * <p>A trainer may throw: the runner records the run as failed with the exception's message and goes on
 * with the next one. A NaN loss needs no special handling: the runner marks such a run as diverged.
 */
@FunctionalInterface
public interface Trainer {
    TrainingHistory train(RunConfig config, long seed, EpochListener listener) throws Exception;
}
