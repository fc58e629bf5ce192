package io.github.keras4j.activations;

/**
 * {@code leaky_relu(x) = x if x > 0 else negativeSlope * x}. The default slope is that of Keras'
 * {@code keras.activations.leaky_relu} function, {@value #DEFAULT_NEGATIVE_SLOPE} (the {@code LeakyReLU}
 * layer's own default is 0.3). At 0 the derivative is taken as {@code negativeSlope}, as TensorFlow does.
 */
public final class LeakyRelu implements ActivationFunction {
    /** Keras' default {@code negative_slope} for the {@code leaky_relu} activation. */
    public static final double DEFAULT_NEGATIVE_SLOPE = 0.2;

    private final double negativeSlope;

    public LeakyRelu() {
        this(DEFAULT_NEGATIVE_SLOPE);
    }

    /** @param negativeSlope slope for x &lt;= 0, a finite number &gt;= 0 */
    public LeakyRelu(double negativeSlope) {
        if (!(negativeSlope >= 0) || Double.isInfinite(negativeSlope)) {
            throw new IllegalArgumentException("leaky_relu negativeSlope must be a finite number >= 0, got " + negativeSlope
                    + ". Keras' default is " + DEFAULT_NEGATIVE_SLOPE + ".");
        }
        this.negativeSlope = negativeSlope;
    }

    public double negativeSlope() {
        return negativeSlope;
    }

    @Override
    public String name() {
        return "leaky_relu";
    }

    @Override
    public void forward(double[] z, double[] a, int n, int width) {
        for (int i = 0; i < n; i++) {
            a[i] = z[i] > 0 ? z[i] : negativeSlope * z[i];
        }
    }

    @Override
    public void backward(double[] z, double[] a, double[] grad, int n, int width) {
        for (int i = 0; i < n; i++) {
            if (!(z[i] > 0)) {
                grad[i] *= negativeSlope;
            }
        }
    }
}
