package io.github.keras4j.data;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.layers.Shape;
import io.github.keras4j.random.SplitMixRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * In-memory arrays as a {@link Dataset}: batches of {@code batchSize} rows (the last one partial), in order, or in a
 * new seeded order every epoch with {@link #shuffled(long)} (drawn in {@link #onEpochEnd()}, as a Keras
 * {@code PyDataset} shuffles). For composing with sources that stream, and for tests; {@code fit(x, y, options)}
 * trains on arrays directly and shuffles them with the model's own generator.
 */
public final class ArrayDataset implements Dataset {
    private final INDArray x;
    private final INDArray y;
    private final int batchSize;
    private final int samples;
    private final SplitMixRandom random;
    private int[] order;

    /** Batches of {@code batchSize} rows of {@code x} and {@code y} ({@code y} may be null, for predict), in order. */
    public ArrayDataset(INDArray x, INDArray y, int batchSize) {
        this(x, y, batchSize, null);
    }

    private ArrayDataset(INDArray x, INDArray y, int batchSize, SplitMixRandom random) {
        if (x == null || x.rank() < 1 || x.size(0) == 0) {
            throw new IllegalArgumentException("ArrayDataset needs x with at least one sample, got "
                    + (x == null ? "null" : "shape " + Shape.describe(x.shape())));
        }
        if (y != null && y.size(0) != x.size(0)) {
            throw new IllegalArgumentException("ArrayDataset: x has " + x.size(0) + " samples but y has " + y.size(0)
                    + "; every sample needs exactly one label.");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("ArrayDataset: batchSize must be >= 1, got " + batchSize);
        }
        this.x = NativeMemory.contiguous(x);
        this.y = y == null ? null : NativeMemory.contiguous(y);
        this.batchSize = batchSize;
        this.samples = (int) x.size(0);
        this.random = random;
        if (random != null) {
            reorder();
        }
    }

    /** The same arrays in a new order every epoch (Fisher-Yates), from a generator seeded with {@code seed}. */
    public ArrayDataset shuffled(long seed) {
        return new ArrayDataset(x, y, batchSize, new SplitMixRandom(seed));
    }

    @Override
    public int numBatches() {
        return (samples + batchSize - 1) / batchSize;
    }

    @Override
    public Batch batch(int index) {
        if (index < 0 || index >= numBatches()) {
            throw new IndexOutOfBoundsException("batch " + index + " of an ArrayDataset of " + numBatches() + " batches");
        }
        int from = index * batchSize;
        int to = Math.min(samples, from + batchSize);
        if (order == null) {
            return new Batch(NativeMemory.rows(x, from, to), y == null ? null : NativeMemory.rows(y, from, to));
        }
        return new Batch(gather(x, from, to - from), y == null ? null : gather(y, from, to - from));
    }

    @Override
    public void onEpochEnd() {
        if (random != null) {
            reorder();
        }
    }

    private INDArray gather(INDArray data, int from, int count) {
        long[] shape = data.shape().clone();
        shape[0] = count;
        INDArray rows = NativeMemory.create(data.dataType(), shape);
        NativeMemory.gatherRows(data, order, from, count, rows);
        return rows;
    }

    private void reorder() {
        if (order == null) {
            order = new int[samples];
        }
        for (int i = 0; i < samples; i++) {
            order[i] = i;
        }
        for (int i = samples - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
