package io.github.keras4j.data;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.layers.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * Per-batch preprocessing for {@link Dataset#map}, written as plain loops over the batch's float32 values: on a busy
 * machine an ND4J element-wise operation such as {@code x.divi(255)} on a batch of 32 images measured tens of
 * milliseconds (its native threads wait for cores), a loop well under one (see docs/performance.md). Each works in
 * place on {@code x} where it can and returns the batch:
 * <pre>{@code source.map(Transforms.divide(255)).map(Transforms.oneHot(10))}</pre>
 */
public final class Transforms {
    private Transforms() {
    }

    /** {@code x / divisor} in float32, the same values as {@code x.div(divisor)}: e.g. {@code divide(255)} for pixels. */
    public static UnaryOperator<Batch> divide(double divisor) {
        if (!(divisor != 0 && Double.isFinite(divisor))) {
            throw new IllegalArgumentException("divide needs a finite, non-zero divisor, got " + divisor);
        }
        float d = (float) divisor;
        return b -> {
            INDArray x = floatX(b);
            float[] v = new float[(int) x.length()];
            NativeMemory.readFloats(x, v);
            for (int i = 0; i < v.length; i++) {
                v[i] = v[i] / d;
            }
            NativeMemory.writeFloats(v, x, 0, v.length);
            return new Batch(x, b.y());
        };
    }

    /** Class indices in {@code y} (shape {@code (batch,)}) as one-hot rows of {@code classes} values, as Utils.toCategorical. */
    public static UnaryOperator<Batch> oneHot(int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("oneHot needs at least 1 class, got " + classes);
        }
        return b -> {
            if (b.y() == null || b.y().rank() != 1) {
                throw new IllegalArgumentException("oneHot needs labels y of shape (batch,), got "
                        + (b.y() == null ? "none" : Shape.describe(b.y().shape())));
            }
            int n = (int) b.y().length();
            float[] labels = new float[n];
            NativeMemory.readFloats(NativeMemory.contiguous(b.y().castTo(DataType.FLOAT)), labels);
            float[] rows = new float[n * classes];
            for (int i = 0; i < n; i++) {
                float v = labels[i];
                if (!(v >= 0 && v < classes) || v != Math.rint(v)) {
                    throw new IllegalArgumentException("oneHot: label " + i + " of the batch is " + v + ", but labels must be whole numbers"
                            + " in [0, " + (classes - 1) + "] for " + classes + " classes.");
                }
                rows[i * classes + (int) v] = 1;
            }
            INDArray y = NativeMemory.create(DataType.FLOAT, n, classes);
            NativeMemory.writeFloats(rows, y, 0, rows.length);
            return new Batch(b.x(), y);
        };
    }

    /** {@code x} with each sample reshaped to {@code sampleShape}, e.g. {@code reshape(28, 28)} for CSV rows of 784 pixels. */
    public static UnaryOperator<Batch> reshape(int... sampleShape) {
        long size = Arrays.stream(sampleShape).asLongStream().reduce(1, (p, q) -> p * q);
        return b -> {
            long perSample = b.x().length() / Math.max(1, b.x().size(0));
            if (perSample != size) {
                throw new IllegalArgumentException("reshape" + Arrays.toString(sampleShape).replace('[', '(').replace(']', ')')
                        + " needs " + size + " values per sample, but x has " + perSample + ": shape " + Shape.describe(b.x().shape()) + ".");
            }
            long[] shape = new long[sampleShape.length + 1];
            shape[0] = b.x().size(0);
            for (int i = 0; i < sampleShape.length; i++) {
                shape[i + 1] = sampleShape[i];
            }
            return new Batch(NativeMemory.contiguous(b.x()).reshape('c', shape), b.y());
        };
    }

    private static INDArray floatX(Batch b) {
        INDArray x = b.x();
        if (x.dataType() != DataType.FLOAT || !NativeMemory.isStageable(x)) {
            return NativeMemory.contiguous(x.castTo(DataType.FLOAT)).dup('c');
        }
        return x;
    }
}
