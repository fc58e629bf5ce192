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

    /**
     * This dataset with {@code transform} applied to every batch as it is read (tf.data's {@code map}): scaling,
     * one-hot encoding, reshaping, e.g. {@code map(Transforms.divide(255)).map(Transforms.oneHot(10))} (see {@link Transforms}). With
     * {@link #prefetch}, a transform before it runs on the reading thread.
     */
    default Dataset map(java.util.function.UnaryOperator<Batch> transform) {
        return new MappedDataset(this, transform);
    }

    /**
     * This dataset's samples shuffled through a buffer of {@code bufferSize} samples (tf.data's {@code shuffle}), seeded,
     * with a new order every epoch: for streams that cannot be shuffled by index. The batches keep their count and sizes;
     * they must be read in order (as fit reads them). The buffer holds at least one of this dataset's batches; a buffer as
     * large as the data shuffles it completely.
     */
    default Dataset shuffle(int bufferSize, long seed) {
        return new ShuffleBuffer(this, bufferSize, seed);
    }

    /**
     * This dataset read ahead by a background thread, up to {@code batches} batches (tf.data's {@code prefetch}), so that
     * reading and transforming overlap training. The thread starts at each epoch's first batch and stops at the epoch's
     * end, when the batches are asked for out of order, and when fit, evaluate or predict return, fail or are stopped
     * ({@link #release()}). The dataset's batches must be new arrays (not refilled buffers), as they are read ahead.
     */
    default Dataset prefetch(int batches) {
        return new PrefetchDataset(this, batches);
    }
}
