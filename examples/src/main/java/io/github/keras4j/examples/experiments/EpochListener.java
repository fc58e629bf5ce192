package io.github.keras4j.examples.experiments;

/**
 * Told about each epoch as soon as the trainer finishes it, so the runner can show progress and keep the
 * epochs of a run that later fails.
 */
@FunctionalInterface
public interface EpochListener {
    void onEpochEnd(EpochResult epoch);
}
