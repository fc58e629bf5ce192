package io.github.keras4j.layers;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A reusable (rows, width) array for training steps: allocated once for the largest batch seen, then
 * handed out as a view of its first rows. Creating an ND4J view costs several microseconds, so the last
 * two views (the full batch and the last partial one) are kept.
 */
final class RowBuffer {
    private INDArray storage;
    private int viewRows = -1;
    private INDArray view;
    private int otherRows = -1;
    private INDArray other;

    /** A contiguous (rows, width) array of {@code type}; its contents are whatever was left in it. */
    INDArray rows(int rows, long width, DataType type) {
        if (storage == null || storage.rows() < rows || storage.columns() != width || storage.dataType() != type) {
            storage = Nd4j.create(type, new long[] {rows, width}, 'c');
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
        view = rows == storage.rows() ? storage : storage.get(NDArrayIndex.interval(0, rows), NDArrayIndex.all());
        viewRows = rows;
        return view;
    }
}
