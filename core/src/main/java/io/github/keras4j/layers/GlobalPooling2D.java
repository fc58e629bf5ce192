package io.github.keras4j.layers;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.backend.PerThread;
import io.github.keras4j.backend.RowBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What Keras' GlobalAveragePooling2D and GlobalMaxPooling2D share: each channel of a channels-last image reduced over
 * all its pixels, {@code (batch, height, width, channels)} to {@code (batch, channels)} (Keras' {@code keepdims=False}).
 * The reductions are staged in double precision, then rounded once.
 */
public abstract class GlobalPooling2D extends Layer {
    private final PerThread<Work> inference = new PerThread<>(Work::new);
    private final Work train = new Work();
    private final RowBuffer gradInput = new RowBuffer();
    private long[] lastShape;

    @Override
    public GlobalPooling2D inputShape(int... dims) {
        super.inputShape(dims);
        return this;
    }

    @Override
    public GlobalPooling2D name(String name) {
        super.name(name);
        return this;
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        ImageShapes.requireImage(this, inputShape);
        return Shape.of(inputShape.dim(2));
    }

    @Override
    protected INDArray call(INDArray x, boolean training) {
        Work w = training ? train : inference.get();
        int batch = (int) x.size(0), c = (int) x.size(3), pixels = (int) (x.size(1) * x.size(2));
        double[] v = w.scratch.get(0, (int) x.length());
        NativeMemory.read(NativeMemory.contiguous(x), v);
        double[] out = w.scratch.get(1, batch * c);
        reduce(v, batch, pixels, c, out, training);
        INDArray result = w.out.rows(batch, c, dataType());
        NativeMemory.write(out, result);
        if (training) {
            lastShape = x.shape();
        }
        return result;
    }

    @Override
    public INDArray backward(INDArray gradOutput, boolean needInputGradient) {
        if (lastShape == null) {
            throw new IllegalStateException(describe() + ": backward needs a forward pass with training=true first");
        }
        int batch = (int) lastShape[0], c = (int) lastShape[3], pixels = (int) (lastShape[1] * lastShape[2]);
        if (gradOutput.rank() != 2 || gradOutput.size(0) != batch || gradOutput.size(1) != c) {
            throw new IllegalArgumentException(describe() + " backward expected a gradient of shape " + Shape.describe(new long[] {batch, c})
                    + " but received " + Shape.describe(gradOutput.shape()));
        }
        if (!needInputGradient) {
            return null;
        }
        double[] g = train.scratch.get(2, batch * c);
        NativeMemory.read(NativeMemory.contiguous(gradOutput), g);
        double[] dx = train.scratch.get(0, batch * pixels * c);
        spread(g, batch, pixels, c, dx);
        INDArray result = gradInput.rows(batch, new long[] {lastShape[1], lastShape[2], c}, dataType());
        NativeMemory.write(dx, result);
        return result;
    }

    /**
     * {@code out[n * c + j]} from the {@code pixels} values {@code v[(n * pixels + p) * c + j]}; with {@code training}
     * the values stay in {@code v} for {@link #spread} (which may overwrite them).
     */
    protected abstract void reduce(double[] v, int batch, int pixels, int c, double[] out, boolean training);

    /** dLoss/dInput into {@code dx} (all of it written) from dLoss/dOutput {@code g}. */
    protected abstract void spread(double[] g, int batch, int pixels, int c, double[] dx);

    private static final class Work {
        final Scratch scratch = new Scratch(3);
        final RowBuffer out = new RowBuffer();
    }
}
