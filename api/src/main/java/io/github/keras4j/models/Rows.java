package io.github.keras4j.models;

import io.github.keras4j.backend.NativeBudget;
import io.github.keras4j.backend.NativeMemory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Sample-wise (first axis) helpers for the data arrays of fit, evaluate and predict. */
final class Rows {
    private Rows() {
    }

    /** {@code a} itself when it is already c-ordered, contiguous and of {@code type}; else one converted copy. */
    static INDArray contiguous(INDArray a, DataType type) {
        if (a.dataType() == type && NativeMemory.isStageable(a)) {
            return a;
        }
        NativeBudget.allocated(a.length() * type.width());
        INDArray typed = a.dataType() == type ? a : a.castTo(type);
        return NativeMemory.isStageable(typed) ? typed : typed.dup('c');
    }

    /**
     * Samples {@code [from, to)} of a contiguous array as a view. Built by {@link NativeMemory#rows}, not ND4J's
     * {@code get(interval(...))}, which can return an empty array when {@code a} is itself a view.
     */
    static INDArray view(INDArray a, long from, long to) {
        return NativeMemory.rows(a, from, to);
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
