package io.github.keras4j.activations;

/**
 * The Gaussian error linear unit, {@code gelu(x) = x * Phi(x)} with {@code Phi} the standard normal CDF.
 *
 * <p>By default ({@code approximate = }{@value #DEFAULT_APPROXIMATE}, as in Keras' {@code keras.activations.gelu}) the exact form
 * {@code Phi(x) = erfc(-x / sqrt 2) / 2} is used, with derivative {@code Phi(x) + x phi(x)},
 * {@code phi(x) = exp(-x^2/2) / sqrt(2 pi)}. With {@code approximate = true} it is Hendrycks and Gimpel's
 * tanh form {@code x/2 (1 + tanh(sqrt(2/pi) (x + }{@value #CUBIC}{@code  x^3)))}.
 */
public final class Gelu implements ActivationFunction {
    /** Keras' default: the exact erf form. */
    public static final boolean DEFAULT_APPROXIMATE = false;
    /** The cubic coefficient of the tanh approximation. */
    public static final double CUBIC = 0.044715;

    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

    private final boolean approximate;

    public Gelu() {
        this(DEFAULT_APPROXIMATE);
    }

    public Gelu(boolean approximate) {
        this.approximate = approximate;
    }

    public boolean approximate() {
        return approximate;
    }

    @Override
    public String name() {
        return "gelu";
    }

    @Override
    public void forward(double[] z, double[] a, int n, int width) {
        for (int i = 0; i < n; i++) {
            double x = z[i];
            if (approximate) {
                a[i] = 0.5 * x * (1 + Math.tanh(SQRT_2_OVER_PI * (x + CUBIC * x * x * x)));
            } else {
                // erfc(-x/sqrt2) rather than 1 + erf(x/sqrt2): keeps relative precision for very negative x
                a[i] = 0.5 * x * Erf.erfc(-x * SQRT_HALF);
            }
        }
    }

    @Override
    public void backward(double[] z, double[] a, double[] grad, int n, int width) {
        for (int i = 0; i < n; i++) {
            double x = z[i];
            double d;
            if (approximate) {
                double t = Math.tanh(SQRT_2_OVER_PI * (x + CUBIC * x * x * x));
                d = 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * CUBIC * x * x);
            } else {
                d = 0.5 * Erf.erfc(-x * SQRT_HALF) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x);
            }
            grad[i] *= d;
        }
    }
}
