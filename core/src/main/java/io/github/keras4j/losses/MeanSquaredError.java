package io.github.keras4j.losses;

/** {@code mse}: per sample {@code mean((y - p)^2)} over the last axis, then the mean over the batch. */
public final class MeanSquaredError extends Loss {
    @Override
    public String name() {
        return "mean_squared_error";
    }

    @Override
    public double compute(double[] yTrue, double[] yPred, double[] grad, int rows, int width, int trueWidth) {
        int n = rows * width;
        double sum = 0;
        double scale = 2.0 / n; // d/dp of (1/(rows*width)) sum (p - y)^2
        for (int i = 0; i < n; i++) {
            double d = yPred[i] - yTrue[i];
            sum += d * d;
            grad[i] = scale * d;
        }
        return sum / n;
    }
}
