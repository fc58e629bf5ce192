package io.github.keras4j.activations;

/**
 * {@code selu(x) = SCALE * elu(x, ALPHA)}: {@code SCALE * x} for x &gt; 0, else
 * {@code SCALE * ALPHA * (exp(x) - 1)}, with the fixed constants of Klambauer et al. (2017) that Keras uses,
 * {@link #ALPHA} = {@value #ALPHA} and {@link #SCALE} = {@value #SCALE}. They keep the mean and variance of
 * activations near 0 and 1 across layers initialised with {@code lecun_normal}.
 */
public final class Selu implements ActivationFunction {
    public static final double ALPHA = 1.6732632423543772848170429916717;
    public static final double SCALE = 1.0507009873554804934193349852946;

    @Override
    public String name() {
        return "selu";
    }

    @Override
    public void forward(double[] z, double[] a, int n, int width) {
        for (int i = 0; i < n; i++) {
            a[i] = SCALE * Elu.elu(z[i], ALPHA);
        }
    }

    @Override
    public void backward(double[] z, double[] a, double[] grad, int n, int width) {
        for (int i = 0; i < n; i++) {
            // x > 0: SCALE; else d/dx SCALE ALPHA (e^x - 1) = SCALE ALPHA e^x = a + SCALE ALPHA
            grad[i] *= z[i] > 0 ? SCALE : a[i] + SCALE * ALPHA;
        }
    }
}
