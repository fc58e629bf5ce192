/**
 * Data that arrives a batch at a time: {@link io.github.keras4j.data.Dataset}, Keras 3's {@code PyDataset} in
 * Java, and its {@link io.github.keras4j.data.Batch}. A model trains on a dataset with
 * {@code model.fit(dataset, options)}, evaluates and predicts with {@code evaluate(dataset)} and
 * {@code predict(dataset)}, and never holds more than the batches it is working on.
 */
package io.github.keras4j.data;
