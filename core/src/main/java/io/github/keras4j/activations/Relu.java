package io.github.keras4j.activations;

/** {@code relu(x) = max(x, 0)}; its derivative at 0 is taken as 0, as TensorFlow does. */
public final class Relu implements ActivationFunction {
    @Override
    public String name() {
        return "relu";
    }

    @Override
    public void forward(double[] z, double[] a, int n, int width) {
        for (int i = 0; i < n; i++) {
            a[i] = Math.max(z[i], 0);
        }
    }

    @Override
    public void backward(double[] z, double[] a, double[] grad, int n, int width) {
        for (int i = 0; i < n; i++) {
            grad[i] = z[i] > 0 ? grad[i] : 0;
        }
    }
}
