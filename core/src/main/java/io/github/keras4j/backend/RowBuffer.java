package io.github.keras4j.backend;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/**
 * A reusable array for training steps and inference batches, shaped {@code (rows, sample...)}: allocated
 * once for the largest batch seen, then handed out as a view of its first rows. Creating an ND4J view
 * costs about 15 us and 2 KB of garbage, so the last two views (a full batch and a last partial one)
 * are kept.
 */
public final class RowBuffer {
    private INDArray storage;
    private long[] sample = new long[0];
    private int viewRows = -1;
    private INDArray view;
    private int otherRows = -1;
    private INDArray other;

    /** A contiguous {@code (rows, width)} array of {@code type}; its contents are whatever was left in it. */
    public INDArray rows(int rows, long width, DataType type) {
        return rows(rows, new long[] {width}, type);
    }

    /** A contiguous {@code (rows, sample...)} array of {@code type}; its contents are whatever was left in it. */
    public INDArray rows(int rows, long[] sample, DataType type) {
        if (storage == null || storage.size(0) < rows || storage.dataType() != type || !Arrays.equals(this.sample, sample)) {
            long[] shape = new long[sample.length + 1];
            shape[0] = rows;
            System.arraycopy(sample, 0, shape, 1, sample.length);
            storage = NativeMemory.create(type, shape);
            this.sample = sample.clone();
            viewRows = otherRows = -1;
            view = other = null;
        }
        if (rows == viewRows) {
            return view;
        }
        if (rows == otherRows) {
            INDArray t = view;
            int tr = viewRows;
            view = other;
            viewRows = otherRows;
            other = t;
            otherRows = tr;
            return view;
        }
        other = view;
        otherRows = viewRows;
        view = NativeMemory.rows(storage, 0, rows);
        viewRows = rows;
        return view;
    }
}
