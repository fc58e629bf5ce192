/** Seeded randomness shared by initialisation, dropout and shuffling (Keras' {@code keras.random}). */
package io.github.keras4j.random;
