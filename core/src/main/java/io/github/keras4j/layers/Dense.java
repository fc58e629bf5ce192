package io.github.keras4j.layers;

import io.github.keras4j.activations.ActivationFunction;
import io.github.keras4j.activations.Activations;
import io.github.keras4j.backend.Blas;
import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.backend.PerThread;
import io.github.keras4j.backend.RowBuffer;
import io.github.keras4j.initializers.GlorotUniform;
import io.github.keras4j.initializers.Initializer;
import io.github.keras4j.initializers.Initializers;
import io.github.keras4j.initializers.Zeros;
import io.github.keras4j.regularizers.Regularizer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * Keras' Dense: {@code output = activation(input . kernel + bias)} on the last axis, with the kernel
 * laid out {@code (inputDim, units)}.
 *
 * <p>Defaults as in Keras: activation {@code linear}, kernel initializer {@value #DEFAULT_KERNEL_INITIALIZER},
 * bias initializer {@value #DEFAULT_BIAS_INITIALIZER}, bias on, no regularizers.
 */
public class Dense extends Layer implements ActivatedLayer {
    public static final String DEFAULT_KERNEL_INITIALIZER = "glorot_uniform";
    public static final String DEFAULT_BIAS_INITIALIZER = "zeros";

    private final int units;
    private final ActivationFunction activation;
    private boolean useBias = true;
    private Initializer kernelInitializer = new GlorotUniform();
    private Initializer biasInitializer = new Zeros();
    private Regularizer kernelRegularizer;
    private Regularizer biasRegularizer;

    private Parameter kernel;
    private Parameter bias;

    // Output buffers: the training forward's (read by backward) and one per inference thread, which never touches
    // the training one. Reusing them keeps a training step free of allocations.
    private final RowBuffer trainOutput = new RowBuffer();
    private final PerThread<RowBuffer> inferenceOutput = new PerThread<>(RowBuffer::new);
    private final RowBuffer gradInputBuffer = new RowBuffer();
    private final BiasActivation output;
    private INDArray lastInput;
    private long[] lastInputShape;

    /** A linear Dense layer of {@code units} outputs. */
    public Dense(int units) {
        this(units, (String) null);
    }

    /** A Dense layer with an activation given by its Keras identifier ("relu", "softmax", ...). */
    public Dense(int units, String activation) {
        this(units, Activations.get(activation));
    }

    public Dense(int units, ActivationFunction activation) {
        if (units <= 0) {
            throw new IllegalArgumentException("Dense units must be a positive integer, got " + units
                    + ": it is the number of outputs of the layer, e.g. new Dense(64, \"relu\").");
        }
        this.units = units;
        this.activation = activation == null ? Activations.get(null) : activation;
        this.output = new BiasActivation(this.activation);
    }

    public int units() {
        return units;
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

    public Dense useBias(boolean useBias) {
        requireNotBuilt("useBias");
        this.useBias = useBias;
        return this;
    }

    public Dense kernelInitializer(String id) {
        return kernelInitializer(Initializers.get(id));
    }

    public Dense kernelInitializer(Initializer initializer) {
        requireNotBuilt("kernelInitializer");
        this.kernelInitializer = java.util.Objects.requireNonNull(initializer, "kernelInitializer");
        return this;
    }

    public Dense biasInitializer(String id) {
        return biasInitializer(Initializers.get(id));
    }

    public Dense biasInitializer(Initializer initializer) {
        requireNotBuilt("biasInitializer");
        this.biasInitializer = java.util.Objects.requireNonNull(initializer, "biasInitializer");
        return this;
    }

    public Dense kernelRegularizer(Regularizer regularizer) {
        requireNotBuilt("kernelRegularizer");
        this.kernelRegularizer = regularizer;
        return this;
    }

    public Dense biasRegularizer(Regularizer regularizer) {
        requireNotBuilt("biasRegularizer");
        this.biasRegularizer = regularizer;
        return this;
    }

    @Override
    public Dense inputShape(int... dims) {
        super.inputShape(dims);
        return this;
    }

    @Override
    public Dense name(String name) {
        super.name(name);
        return this;
    }

    /** The kernel parameter, (inputDim, units); null before build. */
    public Parameter kernel() {
        return kernel;
    }

    /** The bias parameter, (units); null before build or when useBias is false. */
    public Parameter bias() {
        return bias;
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        int[] dims = inputShape.dims();
        dims[dims.length - 1] = units;
        return Shape.of(dims);
    }

    /** kernel {@code (inputDim, units)} and, with {@code useBias}, bias {@code (units)}. */
    @Override
    public List<WeightSpec> weightSpecs(Shape inputShape) {
        WeightSpec kernelSpec = WeightSpec.trainable("kernel", new long[] {inputShape.dim(-1), units}, kernelInitializer, kernelRegularizer);
        return useBias ? List.of(kernelSpec, WeightSpec.trainable("bias", new long[] {units}, biasInitializer, biasRegularizer))
                : List.of(kernelSpec);
    }

    @Override
    protected void onBuild(Shape inputShape) {
        kernel = weight("kernel");
        bias = useBias ? weight("bias") : null;
    }

    /** The product {@code x . kernel}: every input value times every unit. */
    @Override
    public long multiplyAddsPerSample(Shape inputShape) {
        return inputShape.size() * units;
    }

    @Override
    protected INDArray call(INDArray x, boolean training) {
        INDArray x2 = as2d(NativeMemory.contiguous(x));
        int rows = (int) x2.rows();
        INDArray out = (training ? trainOutput : inferenceOutput.get()).rows(rows, units, dataType());
        Blas.gemm(false, false, 1, x2, kernel.value(), 0, out); // z = x . W
        output.forward(out, useBias ? bias.value() : null, units, training); // a = f(z + b), in place
        if (training) {
            lastInput = x2;
            lastInputShape = x.shape();
        }
        return x.rank() == 2 ? out : out.reshape(outputShapeFor(x.shape()));
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
        INDArray g2 = as2d(NativeMemory.contiguous(gradOutput));
        if (g2.rows() != output.rows() || g2.columns() != units) {
            throw new IllegalArgumentException(describe() + " backward expected a gradient of shape "
                    + Shape.describe(outputShapeFor(lastInputShape)) + " but received " + Shape.describe(gradOutput.shape()));
        }
        return backwardFromDz(output.backward(g2, useBias ? bias.gradient() : null), needInputGradient);
    }

    @Override
    public INDArray backwardFromPreActivation(double[] gradZ, boolean needInputGradient) {
        requireTrainingForward();
        return backwardFromDz(output.backwardFromPreActivation(gradZ, useBias ? bias.gradient() : null), needInputGradient);
    }

    private INDArray backwardFromDz(INDArray dz, boolean needInputGradient) {
        Blas.gemm(true, false, 1, lastInput, dz, 0, kernel.gradient()); // dL/dW = x^T . dz
        if (!needInputGradient) {
            return null;
        }
        INDArray dx = gradInputBuffer.rows(output.rows(), lastInput.columns(), dataType());
        Blas.gemm(false, true, 1, dz, kernel.value(), 0, dx); // dL/dx = dz . W^T
        return lastInputShape.length == 2 ? dx : dx.reshape(lastInputShape);
    }

    private INDArray as2d(INDArray x) {
        if (x.rank() == 2) {
            return x;
        }
        long cols = x.size(x.rank() - 1);
        return x.reshape('c', x.length() / cols, cols);
    }

    private long[] outputShapeFor(long[] inputShape) {
        long[] s = inputShape.clone();
        s[s.length - 1] = units;
        return s;
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
}
