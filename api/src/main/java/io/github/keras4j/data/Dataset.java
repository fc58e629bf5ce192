package io.github.keras4j.data;

/**
 * Keras 3's {@code PyDataset}: data handed to a model a batch at a time, by index, so that it need not fit in
 * memory. {@link #batch(int)} returns batch {@code index} of the current epoch; fit asks for the indices in order,
 * {@code 0, 1, ...}, and calls {@link #onEpochBegin()} before an epoch's first batch and {@link #onEpochEnd()}
 * after its last (shuffle there, as a Keras {@code PyDataset} does in {@code on_epoch_end}).
 *
 * <p>{@link #numBatches()} is the number of batches per epoch, or {@value #UNKNOWN} for a stream of unknown length;
 * fit then needs {@code FitOptions.withStepsPerEpoch(n)}, and a stream may end early by returning null from
 * {@link #batch(int)} (fit then stops, as Keras does when its input runs out of data).
 *
 * <p>Every batch is checked before the model sees it: the first as fully as in-memory arrays are (shapes, label
 * kinds, raw pixel values), every one for NaN, infinities and a change of shape, each message naming the batch.
 * An exception thrown by {@link #batch(int)} surfaces as a {@link DatasetException} naming the batch, and the model
 * keeps the weights of its last complete step.
 */
public interface Dataset {
    /** {@link #numBatches()} of a stream whose length is not known: {@value}. */
    int UNKNOWN = -1;

    /** Batches per epoch, or {@value #UNKNOWN}. */
    int numBatches();

    /** Batch {@code index} ({@code 0 <= index < numBatches()}); a stream of unknown length may return null at its end. */
    Batch batch(int index);

    /** Called before the first batch of every epoch (Keras 3's {@code on_epoch_begin}). */
    default void onEpochBegin() {
    }

    /** Called after the last batch of every epoch (Keras' {@code on_epoch_end}): shuffle here. */
    default void onEpochEnd() {
    }

    /**
     * Called when a fit, evaluate or predict that used this dataset returns, fails or is stopped: free threads and open
     * files here. The dataset may be used again afterwards (and then opens what it needs again).
     */
    default void release() {
    }
}
