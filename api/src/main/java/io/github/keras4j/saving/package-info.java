/**
 * Keras model files (Keras' {@code keras.saving}): the Keras 3 {@code .keras} archive in both directions,
 * Keras' {@code .weights.h5} weights file, the architecture as JSON, and the legacy Keras 2 HDF5 {@code .h5}
 * model for reading.
 *
 * <p>The package works on a neutral {@link io.github.keras4j.saving.ModelDescription}: a model name, the
 * input shape, the core layers (built, holding their weights) and the optional compile state (optimizer
 * with its step count and slots, loss, metric names). Models convert to and from it; {@link
 * io.github.keras4j.saving.Saving} reads and writes it.
 *
 * <p>Keras class names and identifiers map to keras4j objects through one table per kind ({@code
 * LayerConfigs}, {@code InitializerConfigs}, {@code RegularizerConfigs}, {@code LossConfigs}, {@code
 * OptimizerConfigs}, {@code ScheduleConfigs}; activations go through the core registry by their Keras
 * identifier). Supporting a new kind of object is one entry in its table. Anything a table does not know fails to load with a
 * {@link io.github.keras4j.saving.ModelFileException} that names it.
 *
 * <p>Configs are written with the class names, modules, keys and defaults Keras 3.6 writes, with one
 * deliberate difference: an optimizer's {@code learning_rate} is the exact double keras4j trains with, not
 * Keras' float32 value widened to a double, so that training resumes bit for bit (see {@code
 * OptimizerConfigs}). Settings a Keras config cannot hold (an activation's non-default parameter) fail to
 * save, naming the setting.
 */
package io.github.keras4j.saving;
