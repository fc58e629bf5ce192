package io.github.keras4j.data;

import java.util.function.UnaryOperator;

/** {@link Dataset#map}: a dataset whose batches pass through a transform as they are read. */
final class MappedDataset extends ForwardingDataset {
    private final UnaryOperator<Batch> transform;

    MappedDataset(Dataset source, UnaryOperator<Batch> transform) {
        super(source);
        if (transform == null) {
            throw new IllegalArgumentException("map needs a transform, got null");
        }
        this.transform = transform;
    }

    @Override
    public Batch batch(int index) {
        Batch b = source.batch(index);
        return b == null ? null : transform.apply(b);
    }

    @Override
    public String toString() {
        return source + ".map(...)";
    }
}
