/** Optimizers (Keras' {@code keras.optimizers}): a shared base for bookkeeping, one update rule per class. */
package io.github.keras4j.optimizers;
