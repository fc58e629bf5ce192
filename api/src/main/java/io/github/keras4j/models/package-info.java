/**
 * Models (Keras' {@code keras.models}): {@link io.github.keras4j.models.Sequential}, a linear stack of
 * layers with Keras' {@code compile}, {@code fit}, {@code evaluate} and {@code predict}, and
 * {@link io.github.keras4j.models.FitOptions}, fit's keyword arguments.
 */
package io.github.keras4j.models;
