package io.github.keras4j.activations;

/** {@code tanh(x)}. */
public final class Tanh implements ActivationFunction {
    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public void forward(double[] z, double[] a, int n, int width) {
        for (int i = 0; i < n; i++) {
            a[i] = Math.tanh(z[i]);
        }
    }

    @Override
    public void backward(double[] z, double[] a, double[] grad, int n, int width) {
        for (int i = 0; i < n; i++) {
            grad[i] *= 1 - a[i] * a[i]; // tanh' = 1 - a^2
        }
    }
}
