package io.github.keras4j.activations;

/**
 * {@code softplus(x) = log(1 + exp(x))}, computed as {@code max(x, 0) + log1p(exp(-|x|))} so that it
 * neither overflows for large x (softplus(1000) = 1000) nor loses small values for very negative x.
 * Its derivative is {@code sigmoid(x)}.
 */
public final class Softplus implements ActivationFunction {
    @Override
    public String name() {
        return "softplus";
    }

    @Override
    public void forward(double[] z, double[] a, int n, int width) {
        for (int i = 0; i < n; i++) {
            a[i] = softplus(z[i]);
        }
    }

    @Override
    public void backward(double[] z, double[] a, double[] grad, int n, int width) {
        for (int i = 0; i < n; i++) {
            grad[i] *= Sigmoid.sigmoid(z[i]);
        }
    }

    /** Stable softplus: exp is only taken of a non-positive number. */
    public static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }
}
