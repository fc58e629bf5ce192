package io.github.keras4j.examples.playground;

import io.github.keras4j.losses.Loss;

/**
 * The Playground's loss ({@code nn.Errors.SQUARE}): per point {@code ½ (output - target)²}, averaged over the
 * points. Keras' {@code mse} is twice this, so its gradient, and with it every SGD step, would be twice as large.
 */
public final class HalfSquaredError extends Loss {
    @Override
    public String name() {
        return "half_squared_error";
    }

    @Override
    public double compute(double[] yTrue, double[] yPred, double[] grad, int rows, int width, int trueWidth) {
        int n = rows * width;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double d = yPred[i] - yTrue[i];
            sum += 0.5 * d * d;
            grad[i] = d / rows; // d/dp of (1/rows) sum ½ (p - y)²
        }
        return sum / rows;
    }

    /** The same loss on plain arrays: the Playground's {@code getLoss}. */
    public static double of(double[] predictions, double[] targets) {
        double sum = 0;
        for (int i = 0; i < predictions.length; i++) {
            double d = predictions[i] - targets[i];
            sum += 0.5 * d * d;
        }
        return predictions.length == 0 ? 0 : sum / predictions.length;
    }
}
