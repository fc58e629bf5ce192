package io.github.keras4j.models;

import io.github.keras4j.backend.NativeMemory;
import org.nd4j.linalg.api.ndarray.INDArray;

import io.github.keras4j.random.SplitMixRandom;

/**
 * The batches of one epoch. With shuffling, each epoch draws a permutation (Fisher-Yates on an
 * {@code int[]}, from fit's own seeded generator) and gathers each batch's rows into reused buffers,
 * one memory copy per row: no array is created per batch. Without shuffling, batches are row-range
 * views of the data, in order, created once. A last partial batch is used, as in Keras.
 *
 * <p>When one batch holds every sample (full-batch gradient descent) the data itself is the batch even
 * with shuffling on: the order of the rows does not change a full-batch gradient.
 *
 * <p>Batches for predict, evaluate and validation keep the order. Validation's are views made once per
 * fit ({@link #inOrderReused}). A single pass ({@link #inOrder}) copies small batches into the two reused
 * buffers (an ND4J view costs about 15 us, 2 KB of heap and a native shape buffer freed only by a
 * collection, more than copying a small batch) and views large ones (copying 1,000 images costs more than
 * a view). {@code y} may be null there (predict).
 */
final class Batches {
    private final INDArray x;
    private final INDArray y;
    private final int samples;
    private final int batchSize;
    private final int count;
    private final boolean gather;
    private final boolean shuffle;
    private final SplitMixRandom random;
    private final int[] order;
    private final INDArray[] xViews;
    private final INDArray[] yViews;
    private INDArray xFull, yFull, xLast, yLast;

    /** Training batches: shuffled with {@code random} every epoch when {@code shuffle}, else row-range views in order. */
    Batches(INDArray x, INDArray y, int batchSize, boolean shuffle, SplitMixRandom random) {
        this(x, y, batchSize, shuffle, shuffle, random);
    }

    /**
     * The batches in order, for one pass (predict, evaluate); {@code y} may be null. Each batch is either a
     * view of the data or a copy into reused buffers, whichever is cheaper: an ND4J view costs about 15 us,
     * 2 KB of heap and a native buffer that only a collection frees (garbage that grows the heap over a long
     * run), while copying a batch of 32 images costs a few microseconds and nothing afterwards. Batches of at
     * least {@value #VIEW_MIN_VALUES} values (a megabyte of float32) are viewed.
     */
    static Batches inOrder(INDArray x, INDArray y, int batchSize) {
        long perBatch = (long) Math.min(batchSize, x.size(0)) * Rows.length(x);
        return new Batches(x, y, batchSize, perBatch < VIEW_MIN_VALUES, false, null);
    }

    /** The batches in order as views, made once: for data passed over every epoch (validation). */
    static Batches inOrderReused(INDArray x, INDArray y, int batchSize) {
        return new Batches(x, y, batchSize, false, false, null);
    }

    /** Batches of at least this many values are views rather than copies. */
    static final long VIEW_MIN_VALUES = 262_144;

    private Batches(INDArray x, INDArray y, int batchSize, boolean copy, boolean shuffle, SplitMixRandom random) {
        this.x = x;
        this.y = y;
        this.samples = (int) x.size(0);
        this.batchSize = Math.min(batchSize, samples);
        this.count = (samples + this.batchSize - 1) / this.batchSize;
        this.gather = copy && count > 1;
        this.shuffle = shuffle;
        this.random = random;
        this.order = gather && shuffle ? new int[samples] : null;
        this.xViews = gather ? null : new INDArray[count];
        this.yViews = gather ? null : new INDArray[count];
        if (gather) {
            int rest = samples % this.batchSize;
            xFull = NativeMemory.create(x.dataType(), Rows.shape(x, this.batchSize));
            xLast = rest > 0 ? NativeMemory.create(x.dataType(), Rows.shape(x, rest)) : null;
            if (y != null) {
                yFull = NativeMemory.create(y.dataType(), Rows.shape(y, this.batchSize));
                yLast = rest > 0 ? NativeMemory.create(y.dataType(), Rows.shape(y, rest)) : null;
            }
        }
    }

    int count() {
        return count;
    }

    int size(int batch) {
        return Math.min(batchSize, samples - batch * batchSize);
    }

    /** Draws this epoch's order (with shuffling). */
    void startEpoch() {
        if (!gather || !shuffle) {
            return;
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

    INDArray x(int batch) {
        return rows(x, batch, xViews, xFull, xLast);
    }

    INDArray y(int batch) {
        return rows(y, batch, yViews, yFull, yLast);
    }

    private INDArray rows(INDArray data, int batch, INDArray[] views, INDArray full, INDArray last) {
        int start = batch * batchSize;
        int size = size(batch);
        if (!gather) {
            if (views[batch] == null) {
                views[batch] = Rows.view(data, start, start + size);
            }
            return views[batch];
        }
        INDArray buffer = size == batchSize ? full : last;
        if (shuffle) {
            NativeMemory.gatherRows(data, order, start, size, buffer);
        } else {
            long rowLength = Rows.length(data);
            NativeMemory.copy(data, start * rowLength, buffer, 0, size * rowLength);
        }
        return buffer;
    }
}
