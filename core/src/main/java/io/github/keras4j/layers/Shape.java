package io.github.keras4j.layers;

import java.util.Arrays;

/**
 * The shape of one sample, without the batch axis: {@code (28, 28)} for an MNIST image, {@code (784,)}
 * after Flatten. Immutable.
 */
public final class Shape {
    private final int[] dims;

    private Shape(int[] dims) {
        this.dims = dims;
    }

    /** A shape of the given sizes; every size must be at least 1. */
    public static Shape of(int... dims) {
        if (dims == null || dims.length == 0) {
            throw new IllegalArgumentException("a shape needs at least one dimension (the batch axis is implied), got none");
        }
        for (int d : dims) {
            if (d < 1) {
                throw new IllegalArgumentException("shape dimensions must be >= 1, got " + Arrays.toString(dims));
            }
        }
        return new Shape(dims.clone());
    }

    /** The sample shape of an array whose first axis is the batch. */
    public static Shape ofSamples(long[] arrayShape) {
        if (arrayShape.length < 2) {
            throw new IllegalArgumentException("expected an array of shape (batch, ...) with at least 2 axes, got "
                    + describe(arrayShape));
        }
        int[] d = new int[arrayShape.length - 1];
        for (int i = 1; i < arrayShape.length; i++) {
            d[i - 1] = Math.toIntExact(arrayShape[i]);
        }
        return new Shape(d);
    }

    public int rank() {
        return dims.length;
    }

    public int dim(int axis) {
        return dims[axis < 0 ? dims.length + axis : axis];
    }

    /** The sizes, a copy. */
    public int[] dims() {
        return dims.clone();
    }

    /** Number of values in one sample: the product of the sizes. */
    public long size() {
        long s = 1;
        for (int d : dims) {
            s *= d;
        }
        return s;
    }

    /** The array shape for {@code batch} samples. */
    public long[] withBatch(long batch) {
        long[] s = new long[dims.length + 1];
        s[0] = batch;
        for (int i = 0; i < dims.length; i++) {
            s[i + 1] = dims[i];
        }
        return s;
    }

    /** True when {@code arrayShape} is {@code (anyBatch, this...)}. */
    public boolean matchesSamplesOf(long[] arrayShape) {
        if (arrayShape.length != dims.length + 1) {
            return false;
        }
        for (int i = 0; i < dims.length; i++) {
            if (arrayShape[i + 1] != dims[i]) {
                return false;
            }
        }
        return true;
    }

    /** Keras' printed form with the batch axis: {@code (None, 784)}. */
    public String toBatchString() {
        StringBuilder sb = new StringBuilder("(None");
        for (int d : dims) {
            sb.append(", ").append(d);
        }
        return sb.append(')').toString();
    }

    /** Python's tuple form: {@code (784,)}, {@code (28, 28)}. */
    @Override
    public String toString() {
        if (dims.length == 1) {
            return "(" + dims[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < dims.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(dims[i]);
        }
        return sb.append(')').toString();
    }

    /** An array shape in the same style, e.g. {@code (32, 28, 28)}. */
    public static String describe(long[] arrayShape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < arrayShape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(arrayShape[i]);
        }
        return sb.append(arrayShape.length == 1 ? ",)" : ")").toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }
}
