package io.github.keras4j.layers;

import io.github.keras4j.activations.ActivationFunction;
import io.github.keras4j.activations.Activations;
import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.backend.PerThread;
import io.github.keras4j.backend.RowBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/** Keras' Activation layer: applies an activation function to its input; the shape is unchanged. */
public class Activation extends Layer implements ActivatedLayer {
    private static final int Z = 0, A = 1, GRAD = 2;

    private final ActivationFunction activation;
    // Training buffers (read by backward) and one set per inference thread, reused across batches.
    private final Work train = new Work();
    private final PerThread<Work> inference = new PerThread<>(Work::new);
    private final RowBuffer gradBuffer = new RowBuffer();
    private long[] lastShape;
    private StagedOutput last;

    /** An Activation layer for a Keras identifier ("relu", "softmax", ...). */
    public Activation(String activation) {
        this(Activations.get(activation));
    }

    public Activation(ActivationFunction activation) {
        this.activation = java.util.Objects.requireNonNull(activation, "activation");
    }

    @Override
    public ActivationFunction activation() {
        return activation;
    }

    @Override
    public Activation inputShape(int... dims) {
        super.inputShape(dims);
        return this;
    }

    @Override
    public Activation name(String name) {
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
        int n = (int) x.length();
        int width = (int) x.size(x.rank() - 1);
        double[] z = work.scratch.get(Z, n);
        NativeMemory.read(NativeMemory.contiguous(x), z);
        double[] a = work.scratch.get(A, n);
        activation.forward(z, a, n, width);
        INDArray out = work.out.rows((int) x.size(0), sampleShape(x.shape()), dataType());
        NativeMemory.write(a, out);
        if (training) {
            lastShape = x.shape();
            last = new StagedOutput(z, a, n / width, width);
        }
        return out;
    }

    @Override
    public StagedOutput lastOutput() {
        requireTrainingForward();
        return last;
    }

    /** An Activation layer always stages: its staging is the whole of its work. */
    @Override
    public void stageForLoss(boolean stage) {
    }

    @Override
    public INDArray backward(INDArray gradOutput, boolean needInputGradient) {
        requireTrainingForward();
        if (!needInputGradient) {
            return null;
        }
        double[] g = train.scratch.get(GRAD, last.length());
        NativeMemory.read(NativeMemory.contiguous(gradOutput), g);
        activation.backward(last.z(), last.a(), g, last.length(), last.width());
        return backwardFromPreActivation(g, true);
    }

    @Override
    public INDArray backwardFromPreActivation(double[] gradZ, boolean needInputGradient) {
        requireTrainingForward();
        if (!needInputGradient) {
            return null;
        }
        INDArray dx = gradBuffer.rows((int) lastShape[0], sampleShape(lastShape), dataType());
        NativeMemory.write(gradZ, dx);
        return dx;
    }

    static long[] sampleShape(long[] shape) {
        return Arrays.copyOfRange(shape, 1, shape.length);
    }

    private void requireTrainingForward() {
        if (last == null) {
            throw new IllegalStateException(describe() + ": backward needs a forward pass with training=true first");
        }
    }

    /** The buffers of one forward pass. */
    private static final class Work {
        final Scratch scratch = new Scratch(3);
        final RowBuffer out = new RowBuffer();
    }
}
