package io.github.keras4j.data;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One batch of a {@link Dataset}: inputs {@code x} (batch first) and labels {@code y} (null for predict-only data),
 * as a Keras {@code PyDataset}'s {@code (x, y)} tuple. The arrays are the model's to read until the next batch is
 * asked for, so a dataset may refill the same arrays every time.
 */
public record Batch(INDArray x, INDArray y) {
    /** The number of samples, {@code x}'s first dimension. */
    public int size() {
        return (int) x.size(0);
    }
}
