/**
 * What the lessons' trainers share: a seeded fit that reports every epoch to the experiment runner
 * ({@link io.github.keras4j.examples.training.SeededFit}, {@link io.github.keras4j.examples.training.EpochReporter})
 * and a checksum of the trained weights ({@link io.github.keras4j.utils.Utils#fingerprint}).
 */
package io.github.keras4j.examples.training;
