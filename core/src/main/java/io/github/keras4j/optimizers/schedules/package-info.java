/**
 * Learning-rate schedules (Keras' {@code keras.optimizers.schedules}): the learning rate as a function of the
 * optimizer's step count, passed to an optimizer in place of a number, e.g.
 * {@code new Adam(new ExponentialDecay(0.1, 1000, 0.96))}. Each schedule computes Keras 3's formula
 * ({@code keras/src/optimizers/schedules/learning_rate_schedule.py}) with Keras' defaults.
 */
package io.github.keras4j.optimizers.schedules;
