package io.github.keras4j.data;

/**
 * A dataset that wraps another and changes only its batches (mapping, shuffling, checking): the number of batches and
 * the epoch and release calls go on to the source, so a wrapper writes only {@link #batch(int)}.
 */
public abstract class ForwardingDataset implements Dataset {
    /** The dataset this one reads its batches from. */
    protected final Dataset source;

    protected ForwardingDataset(Dataset source) {
        this.source = source;
    }

    @Override
    public int numBatches() {
        return source.numBatches();
    }

    @Override
    public void onEpochBegin() {
        source.onEpochBegin();
    }

    @Override
    public void onEpochEnd() {
        source.onEpochEnd();
    }

    @Override
    public void release() {
        source.release();
    }
}
