/**
 * Callbacks (Keras' {@code keras.callbacks}): objects whose hooks {@code fit}, {@code evaluate} and
 * {@code predict} call at the start and end of training, of each epoch and of each batch, with the
 * current logs (loss and metrics by name). {@link io.github.keras4j.callbacks.History} and, when
 * {@code verbose} is not 0, {@link io.github.keras4j.callbacks.ProgbarLogger} are always added by fit.
 */
package io.github.keras4j.callbacks;
