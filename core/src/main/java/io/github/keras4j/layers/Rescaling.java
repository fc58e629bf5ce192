package io.github.keras4j.layers;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.backend.PerThread;
import io.github.keras4j.backend.RowBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras' Rescaling: {@code output = input * scale + offset}, e.g. {@code new Rescaling(1 / 255.0)} to feed raw
 * pixels to a model trained on [0, 1]. Like Keras, a float32 layer computes in float32: the scale and offset are
 * rounded to float32 and each operation rounds once. Default offset {@value #DEFAULT_OFFSET}.
 */
public class Rescaling extends Layer {
    public static final double DEFAULT_OFFSET = 0.0;

    private final double scale;
    private final double offset;
    /** Values staged at once: whole arrays would be copied in full to the heap once more per batch. */
    private static final int CHUNK = 8192;

    private final Work train = new Work();
    private final PerThread<Work> inference = new PerThread<>(Work::new);
    private final RowBuffer gradBuffer = new RowBuffer();
    private long[] lastShape;

    public Rescaling(double scale) {
        this(scale, DEFAULT_OFFSET);
    }

    public Rescaling(double scale, double offset) {
        if (!Double.isFinite(scale) || !Double.isFinite(offset)) {
            throw new IllegalArgumentException("Rescaling scale and offset must be finite numbers, got scale " + scale
                    + " and offset " + offset + ", e.g. new Rescaling(1 / 255.0) for pixels 0..255.");
        }
        this.scale = scale;
        this.offset = offset;
    }

    public double scale() {
        return scale;
    }

    public double offset() {
        return offset;
    }

    @Override
    public Rescaling inputShape(int... dims) {
        super.inputShape(dims);
        return this;
    }

    @Override
    public Rescaling name(String name) {
        super.name(name);
        return this;
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        return inputShape;
    }

    @Override
    protected INDArray call(INDArray x, boolean training) {
        Work work = training ? train : inference.get();
        INDArray out = work.out.rows((int) x.size(0), Activation.sampleShape(x.shape()), dataType());
        affine(NativeMemory.contiguous(x), out, scale, offset, work);
        if (training) {
            lastShape = x.shape();
        }
        return out;
    }

    @Override
    public INDArray backward(INDArray gradOutput, boolean needInputGradient) {
        if (lastShape == null) {
            throw new IllegalStateException(describe() + ": backward needs a forward pass with training=true first");
        }
        if (!needInputGradient) {
            return null;
        }
        INDArray dx = gradBuffer.rows((int) lastShape[0], Activation.sampleShape(lastShape), dataType());
        affine(NativeMemory.contiguous(gradOutput), dx, scale, 0, train); // d(x * scale + offset)/dx = scale
        return dx;
    }

    /** {@code out = in * scale + offset}, a chunk at a time; in float32 for float32 arrays (two roundings, as Keras' ops). */
    private static void affine(INDArray in, INDArray out, double scale, double offset, Work work) {
        long n = in.length();
        if (in.dataType() == DataType.FLOAT) {
            float s = (float) scale;
            float o = (float) offset;
            float[] v = work.floats;
            for (long start = 0; start < n; start += CHUNK) {
                int count = (int) Math.min(CHUNK, n - start);
                NativeMemory.readFloats(in, start, v, count);
                for (int i = 0; i < count; i++) {
                    v[i] = v[i] * s + o;
                }
                NativeMemory.writeFloats(v, out, start, count);
            }
        } else {
            double[] v = NativeMemory.read(in);
            for (int i = 0; i < v.length; i++) {
                v[i] = v[i] * scale + offset;
            }
            NativeMemory.write(v, out);
        }
    }

    /** One forward's output buffer and staging chunk. */
    private static final class Work {
        final RowBuffer out = new RowBuffer();
        final float[] floats = new float[CHUNK];
    }
}
