/**
 * Metrics reported by {@code fit} and {@code evaluate} (Keras' {@code keras.metrics}): each accumulates
 * over the batches of an epoch and reports the mean over all samples seen.
 */
package io.github.keras4j.metrics;
