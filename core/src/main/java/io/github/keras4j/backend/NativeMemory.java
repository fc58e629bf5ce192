package io.github.keras4j.backend;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/**
 * Moves INDArray contents to and from Java arrays in bulk.
 *
 * <p>Why: an ND4J op on a small array costs 20-40 us of call overhead, while a bulk copy of the same
 * array into a {@code double[]} costs well under a microsecond. The engine therefore does its
 * elementwise math in plain Java on staged copies and keeps ND4J memory as the storage of record.
 * Elementwise math runs in double precision whatever the array's type; values written back to a
 * float32 array are rounded once, on the way out.
 *
 * <p>Only c-ordered, contiguous arrays (including contiguous row-range views) can be staged; the
 * engine allocates all its own buffers that way.
 */
public final class NativeMemory {
    private static final ThreadLocal<float[]> FLOAT_SCRATCH = ThreadLocal.withInitial(() -> new float[0]);

    private NativeMemory() {
    }

    /** Copies all elements of {@code a} (c order) into {@code dst[0..length)}. */
    public static void read(INDArray a, double[] dst) {
        int n = checkedLength(a, dst.length);
        if (a.dataType() == DataType.FLOAT) {
            float[] tmp = floatScratch(n);
            floatPointer(a).get(tmp, 0, n);
            for (int i = 0; i < n; i++) {
                dst[i] = tmp[i];
            }
        } else if (a.dataType() == DataType.DOUBLE) {
            doublePointer(a).get(dst, 0, n);
        } else {
            throw unsupported(a);
        }
    }

    /** A new {@code double[]} holding all elements of {@code a} in c order. */
    public static double[] read(INDArray a) {
        double[] out = new double[(int) a.length()];
        if (out.length > 0) {
            read(contiguous(a), out);
        }
        return out;
    }

    /** Copies {@code src[0..length)} into {@code a} (c order), rounding to float32 if {@code a} is float32. */
    public static void write(double[] src, INDArray a) {
        int n = checkedLength(a, src.length);
        if (a.dataType() == DataType.FLOAT) {
            float[] tmp = floatScratch(n);
            for (int i = 0; i < n; i++) {
                tmp[i] = (float) src[i];
            }
            floatPointer(a).put(tmp, 0, n);
        } else if (a.dataType() == DataType.DOUBLE) {
            doublePointer(a).put(src, 0, n);
        } else {
            throw unsupported(a);
        }
    }

    /**
     * Copies all elements of {@code a} into {@code dst[0..length)} as float32: a plain memory copy for
     * float32 arrays (no conversion loop), a narrowing for float64 ones.
     */
    public static void readFloats(INDArray a, float[] dst) {
        int n = checkedLength(a, dst.length);
        if (a.dataType() == DataType.FLOAT) {
            floatPointer(a).get(dst, 0, n);
        } else if (a.dataType() == DataType.DOUBLE) {
            double[] tmp = new double[n];
            doublePointer(a).get(tmp, 0, n);
            for (int i = 0; i < n; i++) {
                dst[i] = (float) tmp[i];
            }
        } else {
            throw unsupported(a);
        }
    }

    /** Copies {@code src[0..length)} into {@code a}, widening when {@code a} is float64. */
    public static void writeFloats(float[] src, INDArray a) {
        int n = checkedLength(a, src.length);
        if (a.dataType() == DataType.FLOAT) {
            floatPointer(a).put(src, 0, n);
        } else if (a.dataType() == DataType.DOUBLE) {
            double[] tmp = new double[n];
            for (int i = 0; i < n; i++) {
                tmp[i] = src[i];
            }
            doublePointer(a).put(tmp, 0, n);
        } else {
            throw unsupported(a);
        }
    }

    /** Copies {@code count} elements from {@code src} starting at element {@code srcOffset} into {@code dst} at {@code dstOffset}. */
    public static void copy(INDArray src, long srcOffset, INDArray dst, long dstOffset, long count) {
        requireStageable(src);
        requireStageable(dst);
        if (src.dataType() != dst.dataType()) {
            throw new IllegalArgumentException("copy needs equal data types, got " + src.dataType() + " and " + dst.dataType());
        }
        long bytes = count * src.dataType().width();
        org.bytedeco.javacpp.Pointer from = src.data().addressPointer();
        org.bytedeco.javacpp.Pointer to = dst.data().addressPointer();
        org.bytedeco.javacpp.Pointer.memcpy(
                new org.bytedeco.javacpp.BytePointer(to).position(dstOffset * dst.dataType().width()),
                new org.bytedeco.javacpp.BytePointer(from).position(srcOffset * src.dataType().width()),
                bytes);
    }

    /**
     * Copies rows {@code rows[from] .. rows[from + count - 1]} of {@code src} (rows along the first axis)
     * into rows {@code 0 .. count - 1} of {@code dst}: one memcpy per row. Both arrays are c-ordered and
     * contiguous, of one type and one row length. Training gathers each shuffled batch this way; the
     * checks and pointers are set up once per call instead of once per row as {@link #copy} would.
     */
    public static void gatherRows(INDArray src, int[] rows, int from, int count, INDArray dst) {
        requireStageable(src);
        requireStageable(dst);
        if (src.dataType() != dst.dataType()) {
            throw new IllegalArgumentException("gatherRows needs equal data types, got " + src.dataType() + " and " + dst.dataType());
        }
        long srcRows = src.size(0);
        long rowLength = srcRows == 0 ? 0 : src.length() / srcRows;
        if (dst.rank() == 0 || dst.size(0) < count || dst.length() / dst.size(0) != rowLength) {
            throw new IllegalArgumentException("gatherRows: destination " + Arrays.toString(dst.shape()) + " cannot hold "
                    + count + " rows of " + rowLength + " elements");
        }
        long bytes = rowLength * src.dataType().width();
        org.bytedeco.javacpp.BytePointer from0 = new org.bytedeco.javacpp.BytePointer(src.data().addressPointer());
        org.bytedeco.javacpp.BytePointer to0 = new org.bytedeco.javacpp.BytePointer(dst.data().addressPointer());
        for (int i = 0; i < count; i++) {
            int r = rows[from + i];
            if (r < 0 || r >= srcRows) {
                throw new IndexOutOfBoundsException("gatherRows: row " + r + " outside [0, " + srcRows + ")");
            }
            from0.position(r * bytes);
            to0.position(i * bytes);
            org.bytedeco.javacpp.Pointer.memcpy(to0, from0, bytes);
        }
    }

    /** True when {@code a} can be staged or handed to BLAS directly: laid out in c order without gaps, float or double. */
    public static boolean isStageable(INDArray a) {
        DataType t = a.dataType();
        if (t != DataType.FLOAT && t != DataType.DOUBLE) {
            return false;
        }
        if (a.length() <= 1 || a.rank() == 0) {
            return true;
        }
        // What matters is the memory layout: every axis longer than 1 steps over all the axes after it.
        // ND4J's own flags are not enough: it marks some such arrays 'f' (row-range views of vectors and of
        // (N, 1) columns) and gives axes of length 1 strides that fail hasDefaultStridesForShape ((1, 4) views).
        long[] shape = a.shape();
        long[] stride = a.stride();
        long step = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && stride[i] != step) {
                return false;
            }
            step *= shape[i];
        }
        return true;
    }

    /** {@code a} itself when it is stageable, else a contiguous c-order copy in a supported type. */
    public static INDArray contiguous(INDArray a) {
        if (isStageable(a)) {
            return a;
        }
        DataType t = a.dataType() == DataType.DOUBLE ? DataType.DOUBLE : DataType.FLOAT;
        return a.castTo(t).dup('c');
    }

    static FloatPointer floatPointer(INDArray a) {
        // data().addressPointer() already points at the first element of a view.
        return new FloatPointer(a.data().addressPointer());
    }

    static DoublePointer doublePointer(INDArray a) {
        return new DoublePointer(a.data().addressPointer());
    }

    static void requireStageable(INDArray a) {
        if (!isStageable(a)) {
            throw new IllegalArgumentException("internal: expected a contiguous c-order float or double array, got "
                    + a.dataType() + " order " + a.ordering() + " shape " + Arrays.toString(a.shape())
                    + " strides " + Arrays.toString(a.stride()));
        }
    }

    private static int checkedLength(INDArray a, int capacity) {
        requireStageable(a);
        long n = a.length();
        if (n > capacity) {
            throw new IllegalArgumentException("internal: staging buffer of " + capacity + " elements is too small for " + n);
        }
        return (int) n;
    }

    private static float[] floatScratch(int n) {
        float[] tmp = FLOAT_SCRATCH.get();
        if (tmp.length < n) {
            tmp = new float[n];
            FLOAT_SCRATCH.set(tmp);
        }
        return tmp;
    }

    private static IllegalArgumentException unsupported(INDArray a) {
        return new IllegalArgumentException("keras4j computes in float32 or float64, got an array of " + a.dataType()
                + "; convert it first, e.g. x.castTo(DataType.FLOAT)");
    }
}
