package io.github.keras4j.layers;

import io.github.keras4j.activations.ActivationFunction;
import io.github.keras4j.activations.Activations;
import io.github.keras4j.backend.NativeMemory;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Keras' Activation layer: applies an activation function to its input; the shape is unchanged. */
public class Activation extends Layer implements ActivatedLayer {
    private static final int Z = 0, A = 1, GRAD = 2;

    private final ActivationFunction activation;
    private final Scratch scratch = new Scratch(3);
    private final RowBuffer outBuffer = new RowBuffer();
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
        INDArray xc = NativeMemory.contiguous(x);
        int n = (int) x.length();
        int width = (int) x.size(x.rank() - 1);
        double[] z = training ? scratch.get(Z, n) : new double[n];
        NativeMemory.read(xc, z);
        double[] a = training ? scratch.get(A, n) : new double[n];
        activation.forward(z, a, n, width);
        INDArray out = training ? outBuffer.rows(n / width, width, dataType()) : Nd4j.create(dataType(), n / width, width);
        NativeMemory.write(a, out);
        if (training) {
            lastShape = x.shape();
            last = new StagedOutput(z, a, n / width, width);
        }
        return out.reshape('c', x.shape());
    }

    @Override
    public StagedOutput lastOutput() {
        requireTrainingForward();
        return last;
    }

    @Override
    public INDArray backward(INDArray gradOutput, boolean needInputGradient) {
        requireTrainingForward();
        if (!needInputGradient) {
            return null;
        }
        double[] g = scratch.get(GRAD, last.length());
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
        INDArray dx = gradBuffer.rows(last.rows(), last.width(), dataType());
        NativeMemory.write(gradZ, dx);
        return dx.reshape('c', lastShape);
    }

    private void requireTrainingForward() {
        if (last == null) {
            throw new IllegalStateException(describe() + ": backward needs a forward pass with training=true first");
        }
    }
}
