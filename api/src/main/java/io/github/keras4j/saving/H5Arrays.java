package io.github.keras4j.saving;

import io.github.keras4j.layers.Shape;
import io.jhdf.api.Dataset;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.lang.reflect.Array;
import java.util.Arrays;

/** Conversions between ND4J arrays and the nested Java arrays jHDF reads and writes. */
final class H5Arrays {
    private H5Arrays() {
    }

    /**
     * A nested {@code float[]...} (or {@code double[]...} for float64) with the array's shape, as jHDF
     * writes it; a boxed value for a scalar.
     */
    static Object nested(INDArray a) {
        boolean dbl = a.dataType() == DataType.DOUBLE;
        INDArray c = a.dup('c');
        long[] shape = a.shape();
        if (shape.length == 0) {
            return dbl ? (Object) c.getDouble(0) : (Object) c.getFloat(0);
        }
        Object flat = dbl ? c.data().asDouble() : c.data().asFloat();
        return nest(flat, shape, 0, new int[] {0});
    }

    /** The same for staged slot values of a parameter of {@code type} and {@code shape}. */
    static Object nested(double[] values, long[] shape, DataType type) {
        Object flat;
        if (type == DataType.DOUBLE) {
            flat = values.clone();
        } else {
            float[] f = new float[values.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) values[i];
            }
            flat = f;
        }
        if (shape.length == 0) {
            return Array.get(flat, 0);
        }
        return nest(flat, shape, 0, new int[] {0});
    }

    private static Object nest(Object flat, long[] shape, int axis, int[] offset) {
        int n = Math.toIntExact(shape[axis]);
        Class<?> component = flat.getClass().getComponentType();
        if (axis == shape.length - 1) {
            Object row = Array.newInstance(component, n);
            System.arraycopy(flat, offset[0], row, 0, n);
            offset[0] += n;
            return row;
        }
        int[] dims = new int[shape.length - axis];
        for (int i = axis; i < shape.length; i++) {
            dims[i - axis] = Math.toIntExact(shape[i]);
        }
        Object out = Array.newInstance(component, dims);
        for (int i = 0; i < n; i++) {
            Array.set(out, i, nest(flat, shape, axis + 1, offset));
        }
        return out;
    }

    /** The dataset's shape as keras4j prints array shapes, e.g. {@code (784, 300)}. */
    static String shapeOf(Dataset d) {
        return Shape.describe(Arrays.stream(d.getDimensions()).asLongStream().toArray());
    }

    /** The dataset's values as doubles in c order; floating-point datasets only. */
    static double[] readFloating(Dataset d, String what) {
        Object flat = d.getDataFlat();
        if (flat instanceof float[] f) {
            double[] out = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                out[i] = f[i];
            }
            return out;
        }
        if (flat instanceof double[] v) {
            return v;
        }
        throw new IllegalArgumentException(what + " holds " + describeType(d)
                + " values; expected float32 or float64 weights");
    }

    /** An integer scalar such as {@code iterations}. */
    static long readLong(Dataset d, String what) {
        if (d.getSize() != 1) {
            throw new IllegalArgumentException(what + " should be an integer scalar but has shape " + shapeOf(d));
        }
        Object flat = d.getDataFlat();
        if (flat instanceof long[] l && l.length == 1) {
            return l[0];
        }
        if (flat instanceof int[] i && i.length == 1) {
            return i[0];
        }
        throw new IllegalArgumentException(what + " should be an integer scalar but holds " + describeType(d)
                + " of shape " + shapeOf(d));
    }

    static String describeType(Dataset d) {
        Class<?> t = d.getJavaType();
        return t == null ? "unknown" : t.getSimpleName();
    }

    /** True when the dataset's dimensions equal {@code shape}. */
    static boolean hasShape(Dataset d, long[] shape) {
        int[] dims = d.getDimensions();
        if (dims.length != shape.length) {
            return false;
        }
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] != shape[i]) {
                return false;
            }
        }
        return true;
    }
}
