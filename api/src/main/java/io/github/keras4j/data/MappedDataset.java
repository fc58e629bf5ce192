package io.github.keras4j.data;

import java.util.function.UnaryOperator;

/** {@link Dataset#map}: a dataset whose batches pass through a transform as they are read. */
final class MappedDataset implements Dataset {
    private final Dataset source;
    private final UnaryOperator<Batch> transform;

    MappedDataset(Dataset source, UnaryOperator<Batch> transform) {
        if (transform == null) {
            throw new IllegalArgumentException("map needs a transform, got null");
        }
        this.source = source;
        this.transform = transform;
    }

    @Override
    public int numBatches() {
        return source.numBatches();
    }

    @Override
    public Batch batch(int index) {
        Batch b = source.batch(index);
        return b == null ? null : transform.apply(b);
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

    @Override
    public String toString() {
        return source + ".map(...)";
    }
}
