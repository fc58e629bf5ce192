package io.github.keras4j.activations;

/**
 * {@code swish(x) = x * sigmoid(x)}, which Keras 3 calls {@code silu} (both identifiers work). Its
 * derivative is {@code s + x s (1 - s)} with {@code s = sigmoid(x)}.
 */
public final class Swish implements ActivationFunction {
    @Override
    public String name() {
        return "swish";
    }

    @Override
    public void forward(double[] z, double[] a, int n, int width) {
        for (int i = 0; i < n; i++) {
            a[i] = z[i] * Sigmoid.sigmoid(z[i]);
        }
    }

    @Override
    public void backward(double[] z, double[] a, double[] grad, int n, int width) {
        for (int i = 0; i < n; i++) {
            double s = Sigmoid.sigmoid(z[i]); // recomputed: a / z is 0/0 at z = 0
            grad[i] *= s + a[i] * (1 - s);
        }
    }
}
