package io.github.keras4j.activations;

/**
 * {@code elu(x) = x if x > 0 else alpha * (exp(x) - 1)}, with Keras' default {@code alpha} =
 * {@value #DEFAULT_ALPHA}. The negative branch uses {@link Math#expm1} so small |x| keep their precision.
 */
public final class Elu implements ActivationFunction {
    /** Keras' default {@code alpha}: the value approached as x goes to minus infinity is {@code -alpha}. */
    public static final double DEFAULT_ALPHA = 1.0;

    private final double alpha;

    public Elu() {
        this(DEFAULT_ALPHA);
    }

    /** @param alpha scale of the negative branch, a finite number */
    public Elu(double alpha) {
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("elu alpha must be a finite number, got " + alpha + ". Keras' default is "
                    + DEFAULT_ALPHA + ".");
        }
        this.alpha = alpha;
    }

    public double alpha() {
        return alpha;
    }

    @Override
    public String name() {
        return "elu";
    }

    @Override
    public void forward(double[] z, double[] a, int n, int width) {
        for (int i = 0; i < n; i++) {
            a[i] = elu(z[i], alpha);
        }
    }

    @Override
    public void backward(double[] z, double[] a, double[] grad, int n, int width) {
        for (int i = 0; i < n; i++) {
            if (!(z[i] > 0)) {
                grad[i] *= a[i] + alpha; // d/dx alpha (e^x - 1) = alpha e^x = a + alpha
            }
        }
    }

    static double elu(double x, double alpha) {
        return x > 0 ? x : alpha * Math.expm1(x);
    }
}
