package io.github.keras4j.metrics;

/** The {@code mse} metric: per sample {@code mean((y - p)^2)} over the last axis. */
public final class MeanSquaredError extends MeanMetricWrapper {
    public MeanSquaredError() {
        this("mean_squared_error");
    }

    public MeanSquaredError(String name) {
        super(name);
    }

    @Override
    protected double perSample(double[] yTrue, double[] yPred, int row, int width, int trueWidth) {
        int o = row * width;
        double sum = 0;
        for (int j = 0; j < width; j++) {
            double d = yTrue[o + j] - yPred[o + j];
            sum += d * d;
        }
        return sum / width;
    }
}
