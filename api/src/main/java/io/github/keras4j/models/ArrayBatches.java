package io.github.keras4j.models;

import io.github.keras4j.data.Batch;
import io.github.keras4j.data.Dataset;

/**
 * In-memory arrays as a {@link Dataset}, so one loop trains on both: the {@link Batches} of fit(x, y) (checked
 * once, as whole arrays, by {@link FitData}), each epoch's shuffled order drawn in {@link #onEpochBegin()}, where
 * fit(x, y) has always drawn it. The batch arrays are the reused buffers or views that {@link Batches} returns.
 */
final class ArrayBatches implements Dataset {
    private final Batches batches;

    ArrayBatches(Batches batches) {
        this.batches = batches;
    }

    @Override
    public int numBatches() {
        return batches.count();
    }

    @Override
    public Batch batch(int index) {
        return new Batch(batches.x(index), batches.y(index));
    }

    @Override
    public void onEpochBegin() {
        batches.startEpoch();
    }
}
