/** Losses (Keras' {@code keras.losses}), each returning value and gradient together. */
package io.github.keras4j.losses;
