package io.github.keras4j.activations;

/** {@code softsign(x) = x / (1 + |x|)}, with derivative {@code 1 / (1 + |x|)^2}. */
public final class Softsign implements ActivationFunction {
    @Override
    public String name() {
        return "softsign";
    }

    @Override
    public void forward(double[] z, double[] a, int n, int width) {
        for (int i = 0; i < n; i++) {
            a[i] = z[i] / (1 + Math.abs(z[i]));
        }
    }

    @Override
    public void backward(double[] z, double[] a, double[] grad, int n, int width) {
        for (int i = 0; i < n; i++) {
            double d = 1 + Math.abs(z[i]);
            grad[i] /= d * d;
        }
    }
}
