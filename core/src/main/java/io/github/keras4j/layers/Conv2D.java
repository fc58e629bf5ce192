package io.github.keras4j.layers;

import io.github.keras4j.activations.ActivationFunction;
import io.github.keras4j.activations.Activations;
import io.github.keras4j.backend.Blas;
import io.github.keras4j.backend.ImageKernels;
import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.backend.Parallel;
import io.github.keras4j.backend.PerThread;
import io.github.keras4j.backend.RowBuffer;
import io.github.keras4j.backend.Threads;
import io.github.keras4j.backend.ViewCache;
import io.github.keras4j.backend.Windows;
import io.github.keras4j.initializers.GlorotUniform;
import io.github.keras4j.initializers.Initializer;
import io.github.keras4j.initializers.Initializers;
import io.github.keras4j.initializers.Zeros;
import io.github.keras4j.regularizers.Regularizer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Objects;

/**
 * Keras' Conv2D on channels-last images {@code (batch, height, width, channels)}: each output pixel is
 * {@code activation(window . kernel + bias)} over the {@code kernelSize} window of every input channel, with the
 * kernel laid out {@code (kh, kw, in, filters)} as Keras stores it.
 *
 * <p>Computed as im2col then one matrix product: the windows become the rows of a
 * {@code (batch * outH * outW, kh * kw * in)} matrix, times the kernel viewed as {@code (kh * kw * in, filters)}. That
 * product is a {@code (rows, filters)} matrix, exactly Dense's {@code (rows, units)}, so the bias and activation go
 * through the stage Dense uses ({@link BiasActivation}), with its float32 paths and its fused softmax loss. Large
 * batches are split by samples across threads ({@link Parallel}), each part's im2col, product and col2im on one.
 *
 * <p>Defaults as in Keras: strides 1, padding {@code "valid"}, dilation 1, activation {@code linear}, bias on, kernel
 * initializer {@value #DEFAULT_KERNEL_INITIALIZER} (fans from the receptive field: {@code kh * kw * in} and
 * {@code kh * kw * filters}), bias initializer {@value #DEFAULT_BIAS_INITIALIZER}, no regularizers.
 */
public class Conv2D extends Layer implements ActivatedLayer {
    public static final String DEFAULT_KERNEL_INITIALIZER = "glorot_uniform";
    public static final String DEFAULT_BIAS_INITIALIZER = "zeros";

    private final int filters;
    private final ActivationFunction activation;
    private int[] kernelSize;
    private int[] strides = {1, 1};
    private int[] dilationRate = {1, 1};
    private Padding padding = Padding.VALID;
    private boolean useBias = true;
    private Initializer kernelInitializer = new GlorotUniform();
    private Initializer biasInitializer = new Zeros();
    private Regularizer kernelRegularizer;
    private Regularizer biasRegularizer;

    private Parameter kernel;
    private Parameter bias;
    private INDArray kernelMatrix;
    private INDArray kernelGradientMatrix;
    private Windows windows;
    private long[] inputSample;

    private final BiasActivation output;
    private final Buffers train = new Buffers();
    private final PerThread<Buffers> inference = new PerThread<>(Buffers::new);
    private final RowBuffer gradColumns = new RowBuffer();
    private final RowBuffer gradInput = new RowBuffer();
    private final ViewCache gradViews = new ViewCache();
    private INDArray lastColumns;
    private int lastBatch;
    private INDArray[] partialGradients = new INDArray[0];
    private double[] gradientSum = new double[0];
    private double[] gradientPart = new double[0];

    /** A linear Conv2D of {@code filters} output channels with a square {@code kernelSize} kernel. */
    public Conv2D(int filters, int kernelSize) {
        this(filters, kernelSize, (String) null);
    }

    /** A Conv2D with an activation given by its Keras identifier ("relu", ...). */
    public Conv2D(int filters, int kernelSize, String activation) {
        this(filters, kernelSize, Activations.get(activation));
    }

    public Conv2D(int filters, int kernelSize, ActivationFunction activation) {
        if (filters <= 0) {
            throw new IllegalArgumentException("Conv2D filters must be a positive integer, got " + filters
                    + ": it is the number of output channels, e.g. new Conv2D(32, 3, \"relu\").");
        }
        this.filters = filters;
        this.kernelSize = ImageShapes.positivePair("Conv2D kernelSize", kernelSize, kernelSize);
        this.activation = activation == null ? Activations.get(null) : activation;
        this.output = new BiasActivation(this.activation);
    }

    public Conv2D kernelSize(int height, int width) {
        requireNotBuilt("kernelSize");
        this.kernelSize = ImageShapes.positivePair("Conv2D kernelSize", height, width);
        return this;
    }

    public Conv2D strides(int height, int width) {
        requireNotBuilt("strides");
        this.strides = ImageShapes.positivePair("Conv2D strides", height, width);
        return this;
    }

    public Conv2D strides(int stride) {
        return strides(stride, stride);
    }

    /** {@code "valid"} (Keras' default) or {@code "same"}. */
    public Conv2D padding(String padding) {
        requireNotBuilt("padding");
        this.padding = Padding.of(padding, "Conv2D");
        return this;
    }

    public Conv2D dilationRate(int height, int width) {
        requireNotBuilt("dilationRate");
        this.dilationRate = ImageShapes.positivePair("Conv2D dilationRate", height, width);
        return this;
    }

    public Conv2D dilationRate(int rate) {
        return dilationRate(rate, rate);
    }

    public Conv2D useBias(boolean useBias) {
        requireNotBuilt("useBias");
        this.useBias = useBias;
        return this;
    }

    public Conv2D kernelInitializer(String id) {
        return kernelInitializer(Initializers.get(id));
    }

    public Conv2D kernelInitializer(Initializer initializer) {
        requireNotBuilt("kernelInitializer");
        this.kernelInitializer = Objects.requireNonNull(initializer, "kernelInitializer");
        return this;
    }

    public Conv2D biasInitializer(String id) {
        return biasInitializer(Initializers.get(id));
    }

    public Conv2D biasInitializer(Initializer initializer) {
        requireNotBuilt("biasInitializer");
        this.biasInitializer = Objects.requireNonNull(initializer, "biasInitializer");
        return this;
    }

    public Conv2D kernelRegularizer(Regularizer regularizer) {
        requireNotBuilt("kernelRegularizer");
        this.kernelRegularizer = regularizer;
        return this;
    }

    public Conv2D biasRegularizer(Regularizer regularizer) {
        requireNotBuilt("biasRegularizer");
        this.biasRegularizer = regularizer;
        return this;
    }

    @Override
    public Conv2D inputShape(int... dims) {
        super.inputShape(dims);
        return this;
    }

    @Override
    public Conv2D name(String name) {
        super.name(name);
        return this;
    }

    @Override
    public Conv2D trainable(boolean trainable) {
        super.trainable(trainable);
        return this;
    }

    public int filters() {
        return filters;
    }

    public int[] kernelSize() {
        return kernelSize.clone();
    }

    public int[] strides() {
        return strides.clone();
    }

    public int[] dilationRate() {
        return dilationRate.clone();
    }

    public Padding padding() {
        return padding;
    }

    @Override
    public ActivationFunction activation() {
        return activation;
    }

    public boolean useBias() {
        return useBias;
    }

    public Initializer kernelInitializer() {
        return kernelInitializer;
    }

    public Initializer biasInitializer() {
        return biasInitializer;
    }

    public Regularizer kernelRegularizer() {
        return kernelRegularizer;
    }

    public Regularizer biasRegularizer() {
        return biasRegularizer;
    }

    /** The kernel {@code (kh, kw, in, filters)}; null before build. */
    public Parameter kernel() {
        return kernel;
    }

    /** The bias {@code (filters)}; null before build or without bias. */
    public Parameter bias() {
        return bias;
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        Windows w = windowsFor(inputShape);
        return Shape.of(w.outHeight(), w.outWidth(), filters);
    }

    private Windows windowsFor(Shape input) {
        ImageShapes.requireImage(this, input);
        if (Math.max(strides[0], strides[1]) > 1 && Math.max(dilationRate[0], dilationRate[1]) > 1) {
            throw new IllegalArgumentException(describe() + " has strides (" + strides[0] + ", " + strides[1] + ") and dilationRate ("
                    + dilationRate[0] + ", " + dilationRate[1] + "); as in Keras, strides > 1 cannot be combined with dilationRate > 1.");
        }
        Windows w = Windows.of(input.dim(0), input.dim(1), input.dim(2), kernelSize[0], kernelSize[1], strides[0], strides[1],
                dilationRate[0], dilationRate[1], padding == Padding.SAME);
        ImageShapes.requireOutput(this, input, w.outHeight(), w.outWidth(), kernelSize[0] + "x" + kernelSize[1] + " kernel",
                (kernelSize[0] - 1) * dilationRate[0] + 1, (kernelSize[1] - 1) * dilationRate[1] + 1);
        return w;
    }

    /** kernel {@code (kh, kw, in, filters)} and, with {@code useBias}, bias {@code (filters)}. */
    @Override
    public List<WeightSpec> weightSpecs(Shape inputShape) {
        long[] shape = {kernelSize[0], kernelSize[1], inputShape.dim(-1), filters};
        WeightSpec kernelSpec = WeightSpec.trainable("kernel", shape, kernelInitializer, kernelRegularizer);
        return useBias ? List.of(kernelSpec, WeightSpec.trainable("bias", new long[] {filters}, biasInitializer, biasRegularizer))
                : List.of(kernelSpec);
    }

    @Override
    protected void onBuild(Shape inputShape) {
        kernel = weight("kernel");
        bias = useBias ? weight("bias") : null;
        windows = windowsFor(inputShape);
        inputSample = new long[] {inputShape.dim(0), inputShape.dim(1), inputShape.dim(2)};
        long[] matrix = {windows.patchSize(), filters};
        kernelMatrix = NativeMemory.view(kernel.value(), 0, matrix);
        kernelGradientMatrix = NativeMemory.view(kernel.gradient(), 0, matrix);
    }

    /** The product {@code cols . kernel}: every window value times every filter, at every output position. */
    @Override
    public long multiplyAddsPerSample(Shape inputShape) {
        Windows w = windowsFor(inputShape);
        return (long) w.positions() * w.patchSize() * filters;
    }

    @Override
    protected INDArray call(INDArray x, boolean training) {
        INDArray xc = NativeMemory.contiguous(x);
        int batch = (int) x.size(0);
        int positions = windows.positions(), patch = windows.patchSize();
        int rows = batch * positions;
        Buffers b = training ? train : inference.get();
        INDArray cols = b.columns.rows(rows, patch, dataType());
        INDArray out = b.output.rows(rows, filters, dataType());
        int parts = parts(batch);
        if (parts == 1) {
            ImageKernels.get().im2col(xc, windows, cols);
            Blas.gemm(false, false, 1, cols, kernelMatrix, 0, out); // z = cols . W
        } else {
            Threads.withOneBlasThread(() -> Parallel.forEach(parts, p -> {
                int from = first(batch, parts, p), to = first(batch, parts, p + 1);
                INDArray c = NativeMemory.rows(cols, (long) from * positions, (long) to * positions);
                ImageKernels.get().im2col(NativeMemory.rows(xc, from, to), windows, c);
                Blas.gemm(false, false, 1, c, kernelMatrix, 0, NativeMemory.rows(out, (long) from * positions, (long) to * positions));
            }));
        }
        output.forward(out, useBias ? bias.value() : null, filters, training); // a = f(z + b), in place
        if (training) {
            lastColumns = cols;
            lastBatch = batch;
        }
        return b.views.reshape(out, new long[] {batch, windows.outHeight(), windows.outWidth(), filters});
    }

    /**
     * How many parts a batch is split into, each on its own thread with single-threaded products: one for passes
     * below {@link Threads#PARALLEL_MIN_WORK} multiply-adds, else up to {@link Threads#blasThreads()}. It depends only
     * on the layer and the batch size, so results are reproducible bit for bit.
     */
    private int parts(int batch) {
        long work = (long) batch * windows.positions() * windows.patchSize() * filters;
        return work < Threads.PARALLEL_MIN_WORK ? 1 : Math.min(Threads.blasThreads(), batch);
    }

    /** The first sample of part {@code p} of {@code parts} over {@code batch} samples. */
    private static int first(int batch, int parts, int p) {
        return (int) ((long) batch * p / parts);
    }

    @Override
    public StagedOutput lastOutput() {
        requireTrainingForward();
        return output.lastOutput();
    }

    @Override
    public void stageForLoss(boolean stage) {
        output.stageForLoss(stage);
    }

    @Override
    public INDArray backward(INDArray gradOutput, boolean needInputGradient) {
        requireTrainingForward();
        long[] expected = {lastBatch, windows.outHeight(), windows.outWidth(), filters};
        if (!java.util.Arrays.equals(gradOutput.shape(), expected)) {
            throw new IllegalArgumentException(describe() + " backward expected a gradient of shape " + Shape.describe(expected)
                    + " but received " + Shape.describe(gradOutput.shape()));
        }
        INDArray g2 = gradViews.reshape(NativeMemory.contiguous(gradOutput), new long[] {output.rows(), filters});
        return backwardFromDz(output.backward(g2, useBias ? bias.gradient() : null), needInputGradient);
    }

    @Override
    public INDArray backwardFromPreActivation(double[] gradZ, boolean needInputGradient) {
        requireTrainingForward();
        return backwardFromDz(output.backwardFromPreActivation(gradZ, useBias ? bias.gradient() : null), needInputGradient);
    }

    private INDArray backwardFromDz(INDArray dz, boolean needInputGradient) {
        int parts = parts(lastBatch);
        INDArray dcols = needInputGradient ? gradColumns.rows(output.rows(), windows.patchSize(), dataType()) : null;
        INDArray dx = needInputGradient ? gradInput.rows(lastBatch, inputSample, dataType()) : null;
        if (parts == 1) {
            Blas.gemm(true, false, 1, lastColumns, dz, 0, kernelGradientMatrix); // dL/dW = cols^T . dz
            if (needInputGradient) {
                Blas.gemm(false, true, 1, dz, kernelMatrix, 0, dcols); // dL/dcols = dz . W^T
                ImageKernels.get().col2im(dcols, windows, dx); // dL/dx: each window's gradient added back where it was read
            }
            return dx;
        }
        int positions = windows.positions();
        if (partialGradients.length < parts) {
            partialGradients = java.util.Arrays.copyOf(partialGradients, parts);
        }
        Threads.withOneBlasThread(() -> Parallel.forEach(parts, p -> {
            int from = first(lastBatch, parts, p), to = first(lastBatch, parts, p + 1);
            long r0 = (long) from * positions, r1 = (long) to * positions;
            INDArray dzPart = NativeMemory.rows(dz, r0, r1);
            Blas.gemm(true, false, 1, NativeMemory.rows(lastColumns, r0, r1), dzPart, 0, partialGradient(p)); // this part's cols^T . dz
            if (needInputGradient) {
                INDArray dcolsPart = NativeMemory.rows(dcols, r0, r1);
                Blas.gemm(false, true, 1, dzPart, kernelMatrix, 0, dcolsPart);
                ImageKernels.get().col2im(dcolsPart, windows, NativeMemory.rows(dx, from, to));
            }
        }));
        sumPartialGradients(parts);
        return dx;
    }

    /** The kernel-gradient matrix part {@code p} writes: the kernel's own gradient for part 0, a buffer of its own else. */
    private INDArray partialGradient(int p) {
        if (p == 0) {
            return kernelGradientMatrix;
        }
        synchronized (this) {
            if (partialGradients[p] == null) {
                partialGradients[p] = NativeMemory.create(dataType(), kernelGradientMatrix.shape());
            }
            return partialGradients[p];
        }
    }

    /** dL/dW = the parts' sums added in part order (a fixed order: the same bits on every run). */
    private void sumPartialGradients(int parts) {
        int n = (int) kernelGradientMatrix.length();
        if (gradientSum.length < n) {
            gradientSum = new double[n];
            gradientPart = new double[n];
        }
        NativeMemory.read(kernelGradientMatrix, gradientSum);
        for (int p = 1; p < parts; p++) {
            NativeMemory.read(partialGradients[p], gradientPart);
            for (int i = 0; i < n; i++) {
                gradientSum[i] += gradientPart[i];
            }
        }
        NativeMemory.write(gradientSum, kernelGradientMatrix);
    }

    private void requireTrainingForward() {
        if (!output.hasForward()) {
            throw new IllegalStateException(describe() + ": backward needs a forward pass with training=true first");
        }
    }

    private void requireNotBuilt(String setting) {
        if (isBuilt()) {
            throw new IllegalStateException(describe() + " is already built; set " + setting + " before adding it to a model");
        }
    }

    /** One forward's buffers: the im2col matrix, the output, and the output's image view. */
    private static final class Buffers {
        final RowBuffer columns = new RowBuffer();
        final RowBuffer output = new RowBuffer();
        final ViewCache views = new ViewCache();
    }
}
