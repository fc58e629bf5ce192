package io.github.keras4j.datasets;

import org.bytedeco.javacpp.BytePointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Reads UINT8 arrays back for assertions. */
final class Arrays8 {
    private Arrays8() {
    }

    /** All elements of a c-order UINT8 array, as stored. */
    static byte[] bytes(INDArray a) {
        if (a.dataType() != DataType.UINT8) {
            throw new IllegalArgumentException("expected UINT8, got " + a.dataType());
        }
        byte[] out = new byte[(int) a.length()];
        new BytePointer(a.data().addressPointer()).get(out, 0, out.length);
        return out;
    }

    /** How often each label 0..9 occurs. */
    static int[] histogram(INDArray labels) {
        int[] counts = new int[10];
        for (byte b : bytes(labels)) {
            counts[b & 0xff]++;
        }
        return counts;
    }

    static long sum(byte[] values, int from, int to) {
        long s = 0;
        for (int i = from; i < to; i++) {
            s += values[i] & 0xff;
        }
        return s;
    }
}
