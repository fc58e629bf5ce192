/**
 * Utilities (Keras' {@code keras.utils}): one-hot encoding, the global random seed, taking and splitting
 * samples, and the environment report.
 */
package io.github.keras4j.utils;
