package io.github.keras4j.layers;

import io.github.keras4j.backend.RowBuffer;

import io.github.keras4j.activations.ActivationFunction;
import io.github.keras4j.activations.FloatForward;
import io.github.keras4j.activations.Activations;
import io.github.keras4j.backend.Blas;
import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.initializers.GlorotUniform;
import io.github.keras4j.initializers.Initializer;
import io.github.keras4j.initializers.Initializers;
import io.github.keras4j.initializers.Zeros;
import io.github.keras4j.regularizers.Regularizer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

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

    private static final int Z = 0, A = 1, GRAD = 2, BIAS = 3;

    private final int units;
    private final ActivationFunction activation;
    private boolean useBias = true;
    private Initializer kernelInitializer = new GlorotUniform();
    private Initializer biasInitializer = new Zeros();
    private Regularizer kernelRegularizer;
    private Regularizer biasRegularizer;

    private Parameter kernel;
    private Parameter bias;

    // Buffers of the last training forward, read by backward; inference uses a set per thread and never
    // touches these. Reusing them keeps a training step free of allocations.
    private final Work train = new Work();
    private final ThreadLocal<Work> inference = ThreadLocal.withInitial(Work::new);
    private final RowBuffer gradZBuffer = new RowBuffer();
    private final RowBuffer gradInputBuffer = new RowBuffer();
    private INDArray lastInput;
    private long[] lastInputShape;
    private StagedOutput last;

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

    @Override
    protected void createParameters(Shape inputShape) {
        long inputDim = inputShape.dim(-1);
        kernel = addParameter("kernel", kernelInitializer.initialize(new long[] {inputDim, units}, dataType()), kernelRegularizer);
        if (useBias) {
            bias = addParameter("bias", biasInitializer.initialize(new long[] {units}, dataType()), biasRegularizer);
        }
    }

    @Override
    protected INDArray call(INDArray x, boolean training) {
        INDArray x2 = as2d(NativeMemory.contiguous(x));
        int rows = (int) x2.rows();
        int n = rows * units;
        Work work = training ? train : inference.get();
        INDArray out = work.out.rows(rows, units, dataType());
        Blas.gemm(false, false, 1, x2, kernel.value(), 0, out); // z = x . W
        if (!training && activation instanceof FloatForward floatForward && dataType() == DataType.FLOAT) {
            // inference through relu or linear: the same bits, staged as floats (see FloatBiasActivation)
            if (useBias || !activation.isIdentity()) {
                work.floatPath.apply(out, useBias ? bias.value() : null, floatForward, units);
            }
            return x.rank() == 2 ? out : out.reshape(outputShapeFor(x.shape()));
        }
        double[] z = work.scratch.get(Z, n);
        NativeMemory.read(out, z);
        if (useBias) {
            double[] b = work.scratch.get(BIAS, units);
            NativeMemory.read(bias.value(), b);
            for (int r = 0; r < n; r += units) {
                for (int j = 0; j < units; j++) {
                    z[r + j] += b[j];
                }
            }
        }
        double[] a = z;
        if (!activation.isIdentity()) {
            a = work.scratch.get(A, n);
            activation.forward(z, a, n, units);
        }
        if (useBias || !activation.isIdentity()) {
            NativeMemory.write(a, out);
        }
        if (training) {
            lastInput = x2;
            lastInputShape = x.shape();
            last = new StagedOutput(z, a, rows, units);
        }
        return x.rank() == 2 ? out : out.reshape(outputShapeFor(x.shape()));
    }

    @Override
    public StagedOutput lastOutput() {
        requireTrainingForward();
        return last;
    }

    @Override
    public INDArray backward(INDArray gradOutput, boolean needInputGradient) {
        requireTrainingForward();
        int n = last.length();
        INDArray g2 = as2d(NativeMemory.contiguous(gradOutput));
        if (g2.rows() != last.rows() || g2.columns() != units) {
            throw new IllegalArgumentException(describe() + " backward expected a gradient of shape "
                    + Shape.describe(outputShapeFor(lastInputShape)) + " but received " + Shape.describe(gradOutput.shape()));
        }
        double[] g = train.scratch.get(GRAD, n);
        NativeMemory.read(g2, g);
        activation.backward(last.z(), last.a(), g, n, units);
        return backwardFromPreActivation(g, needInputGradient);
    }

    @Override
    public INDArray backwardFromPreActivation(double[] gradZ, boolean needInputGradient) {
        requireTrainingForward();
        int rows = last.rows();
        if (useBias) {
            double[] db = train.scratch.get(BIAS, units);
            Arrays.fill(db, 0, units, 0);
            for (int r = 0; r < rows * units; r += units) {
                for (int j = 0; j < units; j++) {
                    db[j] += gradZ[r + j]; // dL/db = sum over the batch of dL/dz
                }
            }
            NativeMemory.write(db, bias.gradient());
        }
        INDArray dz = gradZBuffer.rows(rows, units, dataType());
        NativeMemory.write(gradZ, dz);
        Blas.gemm(true, false, 1, lastInput, dz, 0, kernel.gradient()); // dL/dW = x^T . dz
        if (!needInputGradient) {
            return null;
        }
        INDArray dx = gradInputBuffer.rows(rows, lastInput.columns(), dataType());
        Blas.gemm(false, true, 1, dz, kernel.value(), 0, dx); // dL/dx = dz . W^T
        return lastInputShape.length == 2 ? dx : dx.reshape(lastInputShape);
    }

    /** The buffers of one forward pass. */
    private static final class Work {
        final Scratch scratch = new Scratch(4);
        final RowBuffer out = new RowBuffer();
        final FloatBiasActivation floatPath = new FloatBiasActivation();
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
        if (last == null) {
            throw new IllegalStateException(describe() + ": backward needs a forward pass with training=true first");
        }
    }

    private void requireNotBuilt(String setting) {
        if (isBuilt()) {
            throw new IllegalStateException(describe() + " is already built; set " + setting + " before adding it to a model");
        }
    }
}
