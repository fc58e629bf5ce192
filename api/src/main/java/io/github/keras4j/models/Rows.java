package io.github.keras4j.models;

import io.github.keras4j.backend.NativeMemory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Sample-wise (first axis) helpers for the data arrays of fit, evaluate and predict. */
final class Rows {
    private Rows() {
    }

    /** {@code a} itself when it is already c-ordered, contiguous and of {@code type}; else one converted copy. */
    static INDArray contiguous(INDArray a, DataType type) {
        INDArray typed = a.dataType() == type ? a : a.castTo(type);
        return NativeMemory.isStageable(typed) ? typed : typed.dup('c');
    }

    /** Samples {@code [from, to)} as a view: contiguous when {@code a} is. */
    static INDArray view(INDArray a, long from, long to) {
        if (from == 0 && to == a.size(0)) {
            return a;
        }
        INDArrayIndex[] index = new INDArrayIndex[a.rank()];
        index[0] = NDArrayIndex.interval(from, to);
        for (int i = 1; i < index.length; i++) {
            index[i] = NDArrayIndex.all();
        }
        return a.get(index);
    }

    /** The shape of {@code rows} samples of {@code a}. */
    static long[] shape(INDArray a, long rows) {
        long[] s = a.shape().clone();
        s[0] = rows;
        return s;
    }

    /** Values per sample. */
    static long length(INDArray a) {
        return a.size(0) == 0 ? 0 : a.length() / a.size(0);
    }
}
