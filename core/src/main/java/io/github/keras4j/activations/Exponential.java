package io.github.keras4j.activations;

/** {@code exponential(x) = exp(x)}, its own derivative. */
public final class Exponential implements ActivationFunction {
    @Override
    public String name() {
        return "exponential";
    }

    @Override
    public void forward(double[] z, double[] a, int n, int width) {
        for (int i = 0; i < n; i++) {
            a[i] = Math.exp(z[i]);
        }
    }

    @Override
    public void backward(double[] z, double[] a, double[] grad, int n, int width) {
        for (int i = 0; i < n; i++) {
            grad[i] *= a[i];
        }
    }
}
