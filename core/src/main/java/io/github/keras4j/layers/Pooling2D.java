package io.github.keras4j.layers;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.backend.PerThread;
import io.github.keras4j.backend.RowBuffer;
import io.github.keras4j.backend.Windows;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What Keras' MaxPooling2D and AveragePooling2D share: a {@code poolSize} window over channels-last images, moved by
 * {@code strides} (by default the pool size, so windows do not overlap), with padding {@code "valid"} (the default) or
 * {@code "same"}; each channel is pooled on its own. The subclass says how a window is reduced and its gradient.
 */
public abstract class Pooling2D extends Layer {
    private int[] poolSize;
    private int[] strides;
    private Padding padding = Padding.VALID;
    private Windows windows;
    private long[] inputSample;

    private final PerThread<RowBuffer> inferenceOutput = new PerThread<>(RowBuffer::new);
    private final RowBuffer trainOutput = new RowBuffer();
    private final RowBuffer gradInput = new RowBuffer();
    private int lastBatch = -1;

    protected Pooling2D(int poolHeight, int poolWidth) {
        this.poolSize = ImageShapes.positivePair(typeName() + " poolSize", poolHeight, poolWidth);
    }

    public Pooling2D poolSize(int height, int width) {
        requireNotBuilt("poolSize");
        this.poolSize = ImageShapes.positivePair(typeName() + " poolSize", height, width);
        return this;
    }

    /** The window's step; Keras' default (null) is the pool size. */
    public Pooling2D strides(int height, int width) {
        requireNotBuilt("strides");
        this.strides = ImageShapes.positivePair(typeName() + " strides", height, width);
        return this;
    }

    public Pooling2D strides(int stride) {
        return strides(stride, stride);
    }

    public Pooling2D padding(String padding) {
        requireNotBuilt("padding");
        this.padding = Padding.of(padding, typeName());
        return this;
    }

    @Override
    public Pooling2D inputShape(int... dims) {
        super.inputShape(dims);
        return this;
    }

    @Override
    public Pooling2D name(String name) {
        super.name(name);
        return this;
    }

    public int[] poolSize() {
        return poolSize.clone();
    }

    /** The strides in effect: as set, else the pool size. */
    public int[] strides() {
        return (strides == null ? poolSize : strides).clone();
    }

    public Padding padding() {
        return padding;
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        Windows w = windowsFor(inputShape);
        return Shape.of(w.outHeight(), w.outWidth(), inputShape.dim(2));
    }

    private Windows windowsFor(Shape input) {
        ImageShapes.requireImage(this, input);
        int[] s = strides();
        Windows w = Windows.of(input.dim(0), input.dim(1), input.dim(2), poolSize[0], poolSize[1], s[0], s[1], 1, 1,
                padding == Padding.SAME);
        ImageShapes.requireOutput(this, input, w.outHeight(), w.outWidth(), poolSize[0] + "x" + poolSize[1] + " pool",
                poolSize[0], poolSize[1]);
        return w;
    }

    @Override
    protected void onBuild(Shape inputShape) {
        windows = windowsFor(inputShape);
        inputSample = new long[] {inputShape.dim(0), inputShape.dim(1), inputShape.dim(2)};
    }

    @Override
    protected INDArray call(INDArray x, boolean training) {
        int batch = (int) x.size(0);
        long[] sample = {windows.outHeight(), windows.outWidth(), windows.channels()};
        INDArray out = (training ? trainOutput : inferenceOutput.get()).rows(batch, sample, dataType());
        pool(NativeMemory.contiguous(x), windows, out, training);
        if (training) {
            lastBatch = batch;
        }
        return out;
    }

    @Override
    public INDArray backward(INDArray gradOutput, boolean needInputGradient) {
        if (lastBatch < 0) {
            throw new IllegalStateException(describe() + ": backward needs a forward pass with training=true first");
        }
        long[] expected = {lastBatch, windows.outHeight(), windows.outWidth(), windows.channels()};
        if (!java.util.Arrays.equals(gradOutput.shape(), expected)) {
            throw new IllegalArgumentException(describe() + " backward expected a gradient of shape " + Shape.describe(expected)
                    + " but received " + Shape.describe(gradOutput.shape()));
        }
        if (!needInputGradient) {
            return null;
        }
        INDArray dx = gradInput.rows(lastBatch, inputSample, dataType());
        poolBackward(NativeMemory.contiguous(gradOutput), windows, dx);
        return dx;
    }

    /** Pools {@code x} into {@code out}; with {@code training}, keeps what {@link #poolBackward} needs. */
    protected abstract void pool(INDArray x, Windows w, INDArray out, boolean training);

    /** dLoss/dInput into {@code dx} for dLoss/dOutput {@code gradOut} of the last training forward. */
    protected abstract void poolBackward(INDArray gradOut, Windows w, INDArray dx);

    private void requireNotBuilt(String setting) {
        if (isBuilt()) {
            throw new IllegalStateException(describe() + " is already built; set " + setting + " before adding it to a model");
        }
    }
}
