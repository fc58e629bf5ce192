package io.github.keras4j.backend;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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
            floatPointer(a, 0).get(tmp, 0, n);
            for (int i = 0; i < n; i++) {
                dst[i] = tmp[i];
            }
        } else if (a.dataType() == DataType.DOUBLE) {
            doublePointer(a, 0).get(dst, 0, n);
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
            floatPointer(a, 0).put(tmp, 0, n);
        } else if (a.dataType() == DataType.DOUBLE) {
            doublePointer(a, 0).put(src, 0, n);
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
            floatPointer(a, 0).get(dst, 0, n);
        } else if (a.dataType() == DataType.DOUBLE) {
            double[] tmp = new double[n];
            doublePointer(a, 0).get(tmp, 0, n);
            for (int i = 0; i < n; i++) {
                dst[i] = (float) tmp[i];
            }
        } else {
            throw unsupported(a);
        }
    }

    /**
     * Copies elements {@code [offset, offset + count)} of {@code a} (c order) into {@code dst[0..count)} as
     * float32 (narrowing float64), without making a view: for scanning large arrays a chunk at a time.
     */
    public static void readFloats(INDArray a, long offset, float[] dst, int count) {
        checkRange(a, offset, count, dst.length, "into");
        if (a.dataType() == DataType.FLOAT) {
            floatPointer(a, 0).position(offset).get(dst, 0, count);
        } else {
            double[] tmp = new double[count];
            doublePointer(a, 0).position(offset).get(tmp, 0, count);
            for (int i = 0; i < count; i++) {
                dst[i] = (float) tmp[i];
            }
        }
    }

    /** As {@link #readFloats(INDArray, long, float[], int)}, into doubles (exact for float64 arrays). */
    public static void read(INDArray a, long offset, double[] dst, int count) {
        checkRange(a, offset, count, dst.length, "into");
        if (a.dataType() == DataType.DOUBLE) {
            doublePointer(a, 0).position(offset).get(dst, 0, count);
        } else {
            float[] tmp = floatScratch(count);
            floatPointer(a, 0).position(offset).get(tmp, 0, count);
            for (int i = 0; i < count; i++) {
                dst[i] = tmp[i];
            }
        }
    }

    /** Copies {@code src[0..count)} into elements {@code [offset, offset + count)} of the float32 array {@code a} (c order). */
    public static void writeFloats(float[] src, INDArray a, long offset, int count) {
        checkRange(a, offset, count, src.length, "from");
        if (a.dataType() != DataType.FLOAT) {
            throw unsupported(a);
        }
        floatPointer(a, 0).position(offset).put(src, 0, count);
    }

    /** Copies {@code src[0..count)} into elements {@code [offset, offset + count)} of {@code a}, rounding to float32 if {@code a} is float32. */
    public static void write(double[] src, INDArray a, long offset, int count) {
        checkRange(a, offset, count, src.length, "from");
        if (a.dataType() == DataType.DOUBLE) {
            doublePointer(a, 0).position(offset).put(src, 0, count);
        } else {
            float[] tmp = floatScratch(count);
            for (int i = 0; i < count; i++) {
                tmp[i] = (float) src[i];
            }
            floatPointer(a, 0).position(offset).put(tmp, 0, count);
        }
    }

    /** Copies {@code src[0..length)} into {@code a}, widening when {@code a} is float64. */
    public static void writeFloats(float[] src, INDArray a) {
        int n = checkedLength(a, src.length);
        if (a.dataType() == DataType.FLOAT) {
            floatPointer(a, 0).put(src, 0, n);
        } else if (a.dataType() == DataType.DOUBLE) {
            double[] tmp = new double[n];
            for (int i = 0; i < n; i++) {
                tmp[i] = src[i];
            }
            doublePointer(a, 0).put(tmp, 0, n);
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
        int width = src.dataType().width();
        RawPointers p = RawPointers.get();
        org.bytedeco.javacpp.Pointer.memcpy(p.bytes[0].at(dst, dstOffset * width), p.bytes[1].at(src, srcOffset * width), count * width);
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
        RawPointers p = RawPointers.get();
        for (int i = 0; i < count; i++) {
            int r = rows[from + i];
            if (r < 0 || r >= srcRows) {
                throw new IndexOutOfBoundsException("gatherRows: row " + r + " outside [0, " + srcRows + ")");
            }
            org.bytedeco.javacpp.Pointer.memcpy(p.bytes[0].at(dst, i * bytes), p.bytes[1].at(src, r * bytes), bytes);
        }
    }

    /**
     * A new zeroed c-order array of {@code type} and {@code shape}, counted against {@link NativeBudget}: every
     * array keras4j keeps or hands out (weights, gradients, buffers, results) is made here.
     */
    public static INDArray create(DataType type, long... shape) {
        INDArray a = Nd4j.create(type, shape, 'c');
        NativeBudget.allocated(a.length() * type.width());
        return a;
    }

    /**
     * Rows {@code [from, to)} of {@code a} (along the first axis) as a c-ordered view sharing its memory.
     *
     * <p>Why not {@code a.get(NDArrayIndex.interval(from, to), ...)}: in ND4J 1.0.0-M2.1 that returns an
     * empty array for some row ranges of arrays that are themselves row-range views (rows [1, 3) of a view
     * of rows [3, 7), for one), silently. This builds the view from the shared buffer and offset instead.
     * Creating any ND4J view costs about 15 us, so callers on a hot path keep the views they make.
     */
    public static INDArray rows(INDArray a, long from, long to) {
        requireContiguous(a);
        long n = a.rank() == 0 ? 0 : a.size(0);
        if (from < 0 || to > n || from > to) {
            throw new IndexOutOfBoundsException("rows [" + from + ", " + to + ") of an array with " + n + " rows");
        }
        if (from == 0 && to == n) {
            return a;
        }
        long[] shape = a.shape().clone();
        shape[0] = to - from;
        long rowLength = n == 0 ? 0 : a.length() / n;
        return view(a, from * rowLength, shape);
    }

    /** A c-ordered view of {@code a}'s memory starting {@code offset} elements in, of {@code shape}; no copy. */
    public static INDArray view(INDArray a, long offset, long[] shape) {
        requireContiguous(a);
        long[] stride = new long[shape.length];
        long step = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            stride[i] = step;
            step *= shape[i];
        }
        if (offset < 0 || offset + step > a.length()) {
            throw new IndexOutOfBoundsException("a view of " + step + " elements at " + offset + " does not fit in " + a.length());
        }
        return Nd4j.create(a.data(), shape, stride, a.offset() + offset, 'c', a.dataType());
    }

    /** True when {@code a} can be staged or handed to BLAS directly: laid out in c order without gaps, float or double. */
    public static boolean isStageable(INDArray a) {
        DataType t = a.dataType();
        return (t == DataType.FLOAT || t == DataType.DOUBLE) && isContiguous(a);
    }

    /** True when {@code a} is laid out in c order without gaps, whatever its type. */
    public static boolean isContiguous(INDArray a) {
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
        NativeBudget.allocated(a.length() * t.width());
        return a.castTo(t).dup('c');
    }

    /** A pointer at {@code a}'s first element, valid until this thread's next call that uses the same slot (0..2). */
    static FloatPointer floatPointer(INDArray a, int slot) {
        return RawPointers.get().floats[slot].at(a);
    }

    static DoublePointer doublePointer(INDArray a, int slot) {
        return RawPointers.get().doubles[slot].at(a);
    }

    static void requireContiguous(INDArray a) {
        if (!isContiguous(a)) {
            throw new IllegalArgumentException("internal: expected a contiguous c-order array, got order " + a.ordering()
                    + " shape " + Arrays.toString(a.shape()) + " strides " + Arrays.toString(a.stride()));
        }
    }

    static void requireStageable(INDArray a) {
        if (!isStageable(a)) {
            throw new IllegalArgumentException("internal: expected a contiguous c-order float or double array, got "
                    + a.dataType() + " order " + a.ordering() + " shape " + Arrays.toString(a.shape())
                    + " strides " + Arrays.toString(a.stride()));
        }
    }

    /** The checks of the range copies: a stageable array, and {@code [offset, offset + count)} inside it and the buffer. */
    private static void checkRange(INDArray a, long offset, int count, int bufferLength, String direction) {
        requireStageable(a);
        if (offset < 0 || count < 0 || offset + count > a.length() || count > bufferLength) {
            throw new IndexOutOfBoundsException("elements [" + offset + ", " + (offset + count) + ") of " + a.length()
                    + " " + direction + " a buffer of " + bufferLength);
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
