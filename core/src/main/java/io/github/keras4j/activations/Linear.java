package io.github.keras4j.activations;

/** {@code linear(x) = x}: Keras' default activation for Dense. */
public final class Linear implements ActivationFunction, FloatBackward {
    @Override
    public String name() {
        return "linear";
    }

    @Override
    public void forward(double[] z, double[] a, int n, int width) {
        System.arraycopy(z, 0, a, 0, n);
    }

    @Override
    public void forward(float[] z, float[] a, int n, int width) {
        if (a != z) {
            System.arraycopy(z, 0, a, 0, n);
        }
    }

    @Override
    public void backward(double[] z, double[] a, double[] grad, int n, int width) {
        // f'(z) = 1: the gradient passes unchanged.
    }

    @Override
    public void backwardFromOutput(float[] a, float[] grad, int n) {
        // f'(z) = 1
    }

    @Override
    public boolean isIdentity() {
        return true;
    }
}
