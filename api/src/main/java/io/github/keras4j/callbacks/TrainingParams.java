package io.github.keras4j.callbacks;

/**
 * What a callback is told before training (Keras' {@code callback.params}): the number of epochs, the
 * number of batches per epoch ({@code steps}) and the verbosity.
 */
public record TrainingParams(int epochs, int steps, int verbose) {
}
