package io.github.keras4j.layers;

import io.github.keras4j.activations.ActivationFunction;
import io.github.keras4j.activations.FloatBackward;
import io.github.keras4j.activations.FloatForward;
import io.github.keras4j.activations.KernelForward;
import io.github.keras4j.backend.FloatKernels;
import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.backend.PerThread;
import io.github.keras4j.backend.RowBuffer;
import io.github.keras4j.backend.Simd;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/**
 * The output stage Dense and Conv2D share: {@code a = activation(z + bias)} over the {@code (rows, width)}
 * matrix their product wrote ({@code width} is the last axis: units, filters), in place, and its backward to
 * dLoss/dz and dLoss/dbias. It runs one of three ways, all giving the same values:
 * <ul>
 *   <li><b>staged</b> (training, in general): z and a are kept as double arrays for backward, and for a loss
 *   that pairs with the activation (softmax with cross-entropy reads them through {@link ActivatedLayer});</li>
 *   <li><b>in place in float32</b> (training a hidden layer through relu or linear): {@code out = f(out + bias)} a
 *   chunk at a time, and backward reads the derivative off the output ({@link FloatBackward}). The same bits as
 *   staged: a float sum of two floats is their double sum rounded once, relu's max and mask round nothing, and the
 *   bias gradient is summed in double in the same order;</li>
 *   <li><b>inference</b>: in float32 for relu and linear ({@link FloatBiasActivation}), and for sigmoid and softmax
 *   where the Vector API runs ({@link KernelForward}: within {@link FloatKernels#TOLERANCE}, not bit for bit), else
 *   through doubles, with buffers per thread, so one built layer serves several threads.</li>
 * </ul>
 */
final class BiasActivation {
    private static final int Z = 0, A = 1, GRAD = 2, BIAS = 3;
    /** Floats per chunk of the float32 backward: whole rows of about 32 KB, which stay in the core's cache. */
    private static final int CHUNK = FloatBiasActivation.CHUNK;

    private final ActivationFunction activation;
    /** The float32 inference forward, or null where inference stages doubles. */
    private final FloatForward inferenceFloat;
    private final Stage train = new Stage();
    private final PerThread<Stage> inference = new PerThread<>(Stage::new);
    private final RowBuffer gradZBuffer = new RowBuffer();
    private boolean stageForLoss = true;

    // The last training forward: staged z and a, or the float32 output it left in place.
    private StagedOutput staged;
    private INDArray output;
    private int rows = -1;
    private int width;
    private float[] chunk = new float[0];
    private float[] outputChunk = new float[0];
    private double[] biasSums = new double[0];

    BiasActivation(ActivationFunction activation) {
        this.activation = activation;
        this.inferenceFloat = floatInference(activation, Simd.kernels());
    }

    static FloatForward floatInference(ActivationFunction activation, FloatKernels kernels) {
        if (activation instanceof FloatForward) {
            return (FloatForward) activation;
        }
        if (activation instanceof KernelForward && kernels != null) {
            KernelForward f = (KernelForward) activation;
            return (z, a, n, width) -> f.forward(kernels, z, a, n, width);
        }
        return null;
    }

    ActivationFunction activation() {
        return activation;
    }

    /** Whether training keeps z and a staged even where the float32 path could run: the model's output layer does. */
    void stageForLoss(boolean stage) {
        this.stageForLoss = stage;
    }

    /**
     * {@code out = activation(out + bias)} in place over rows of {@code width}; {@code bias} is null for a layer
     * without one. With {@code training} the values backward needs are kept.
     */
    INDArray forward(INDArray out, INDArray bias, int width, boolean training) {
        int n = (int) out.length();
        boolean floats = out.dataType() == DataType.FLOAT && activation instanceof FloatForward;
        if (!training && out.dataType() == DataType.FLOAT && inferenceFloat != null) {
            if (bias != null || !activation.isIdentity()) {
                inference.get().floatPath.apply(out, bias, inferenceFloat, width);
            }
            return out;
        }
        if (training && floats && !stageForLoss && activation instanceof FloatBackward) {
            if (bias != null || !activation.isIdentity()) {
                train.floatPath.apply(out, bias, (FloatForward) activation, width);
            }
            remember(null, out, n / width, width);
            return out;
        }
        Stage stage = training ? train : inference.get();
        double[] z = stage.scratch.get(Z, n);
        NativeMemory.read(out, z);
        if (bias != null) {
            double[] b = stage.scratch.get(BIAS, width);
            NativeMemory.read(bias, b);
            for (int r = 0; r < n; r += width) {
                for (int j = 0; j < width; j++) {
                    z[r + j] += b[j];
                }
            }
        }
        double[] a = z;
        if (!activation.isIdentity()) {
            a = stage.scratch.get(A, n);
            activation.forward(z, a, n, width);
        }
        if (bias != null || !activation.isIdentity()) {
            NativeMemory.write(a, out);
        }
        if (training) {
            remember(new StagedOutput(z, a, n / width, width), out, n / width, width);
        }
        return out;
    }

    private void remember(StagedOutput staged, INDArray output, int rows, int width) {
        this.staged = staged;
        this.output = output;
        this.rows = rows;
        this.width = width;
    }

    /** z and a of the last training forward, or null when it ran in place in float32 (never for the output layer). */
    StagedOutput lastOutput() {
        return staged;
    }

    /** True once a training forward ran. */
    boolean hasForward() {
        return rows >= 0;
    }

    /** The rows of the last training forward. */
    int rows() {
        return rows;
    }

    /**
     * dLoss/dz for dLoss/da {@code gradOutput} ({@code rows x width}, contiguous) of the last training forward, as a
     * native array (possibly {@code gradOutput} itself, for a linear activation run in place); writes dLoss/dbias into
     * {@code biasGradient} unless it is null.
     */
    INDArray backward(INDArray gradOutput, INDArray biasGradient) {
        int n = rows * width;
        if (staged == null) {
            return backwardInPlace(gradOutput, biasGradient, n);
        }
        double[] g = train.scratch.get(GRAD, n);
        NativeMemory.read(gradOutput, g);
        activation.backward(staged.z(), staged.a(), g, n, width);
        return backwardFromPreActivation(g, biasGradient);
    }

    /** As {@link #backward}, from dLoss/dz staged as doubles (the fused loss path, after a staged forward). */
    INDArray backwardFromPreActivation(double[] gradZ, INDArray biasGradient) {
        int n = rows * width;
        if (biasGradient != null) {
            double[] db = train.scratch.get(BIAS, width);
            Arrays.fill(db, 0, width, 0);
            for (int r = 0; r < n; r += width) {
                for (int j = 0; j < width; j++) {
                    db[j] += gradZ[r + j]; // dL/db = sum over the rows of dL/dz
                }
            }
            NativeMemory.write(db, biasGradient);
        }
        INDArray dz = gradZBuffer.rows(rows, width, output.dataType());
        NativeMemory.write(gradZ, dz);
        return dz;
    }

    private INDArray backwardInPlace(INDArray gradOutput, INDArray biasGradient, int n) {
        boolean identity = activation.isIdentity();
        if (identity && biasGradient == null) {
            return gradOutput; // dz = da
        }
        INDArray dz = identity ? gradOutput : gradZBuffer.rows(rows, width, output.dataType());
        int step = Math.max(1, CHUNK / width) * width; // whole rows
        if (chunk.length < Math.min(step, n)) {
            chunk = new float[Math.min(step, n)];
            outputChunk = new float[chunk.length];
        }
        if (biasSums.length < width) {
            biasSums = new double[width];
        }
        double[] db = biasSums;
        Arrays.fill(db, 0, width, 0);
        FloatBackward f = (FloatBackward) activation;
        for (int start = 0; start < n; start += step) {
            int count = Math.min(step, n - start);
            NativeMemory.readFloats(gradOutput, start, chunk, count);
            if (!identity) {
                NativeMemory.readFloats(output, start, outputChunk, count);
                f.backwardFromOutput(outputChunk, chunk, count);
                NativeMemory.writeFloats(chunk, dz, start, count);
            }
            if (biasGradient != null) {
                for (int r = 0; r < count; r += width) {
                    for (int j = 0; j < width; j++) {
                        db[j] += chunk[r + j];
                    }
                }
            }
        }
        if (biasGradient != null) {
            NativeMemory.write(db, biasGradient);
        }
        return dz;
    }

    /** The staging arrays of one forward pass (training, or one inference thread). */
    private static final class Stage {
        final Scratch scratch = new Scratch(4);
        final FloatBiasActivation floatPath = new FloatBiasActivation();
    }
}
