package io.github.keras4j.activations;

/**
 * Keras 3's {@code hard_sigmoid(x) = relu6(x + 3) / 6}: 0 for x &lt;= -3, 1 for x &gt;= 3, and
 * {@code x / 6 + 0.5} between, a piecewise-linear stand-in for the sigmoid.
 *
 * <p>tf.keras 2 defined {@code hard_sigmoid} differently, as {@code clip(0.2 x + 0.5, 0, 1)} (linear on
 * (-2.5, 2.5)); models trained with that definition compute slightly different values here. The
 * derivative is {@value #SLOPE} strictly inside (-3, 3) and 0 elsewhere, the kinks included, as
 * TensorFlow's relu6 gradient is.
 */
public final class HardSigmoid implements ActivationFunction {
    /** The slope of the linear part, 1/6. */
    public static final double SLOPE = 1.0 / 6;
    /** The linear part spans (-LIMIT, LIMIT). */
    public static final double LIMIT = 3;

    @Override
    public String name() {
        return "hard_sigmoid";
    }

    @Override
    public void forward(double[] z, double[] a, int n, int width) {
        for (int i = 0; i < n; i++) {
            a[i] = Math.min(Math.max(z[i] + LIMIT, 0), 2 * LIMIT) / (2 * LIMIT); // relu6(x + 3) / 6
        }
    }

    @Override
    public void backward(double[] z, double[] a, double[] grad, int n, int width) {
        for (int i = 0; i < n; i++) {
            grad[i] = z[i] > -LIMIT && z[i] < LIMIT ? grad[i] * SLOPE : 0;
        }
    }
}
