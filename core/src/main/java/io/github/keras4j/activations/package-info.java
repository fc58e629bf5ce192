/** Activation functions (Keras' {@code keras.activations}), each with its derivative beside it. */
package io.github.keras4j.activations;
