/** Layers (Keras' {@code keras.layers}) and the contract they share: build from a shape, forward, backward. */
package io.github.keras4j.layers;
