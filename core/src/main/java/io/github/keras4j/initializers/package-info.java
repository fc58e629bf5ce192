/** Weight initializers (Keras' {@code keras.initializers}), seeded for reproducibility. */
package io.github.keras4j.initializers;
