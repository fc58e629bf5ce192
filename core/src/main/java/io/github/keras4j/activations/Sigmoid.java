package io.github.keras4j.activations;

/** {@code sigmoid(x) = 1 / (1 + exp(-x))}, computed without overflow for large |x|. */
public final class Sigmoid implements ActivationFunction {
    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    public void forward(double[] z, double[] a, int n, int width) {
        for (int i = 0; i < n; i++) {
            a[i] = sigmoid(z[i]);
        }
    }

    @Override
    public void backward(double[] z, double[] a, double[] grad, int n, int width) {
        for (int i = 0; i < n; i++) {
            grad[i] *= a[i] * (1 - a[i]); // sigmoid' = a (1 - a)
        }
    }

    /** Stable form: exp is only taken of a non-positive number. */
    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }
}
