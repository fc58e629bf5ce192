package io.github.keras4j.metrics;

/** The {@code mae} metric: per sample {@code mean(|y - p|)} over the last axis. */
public final class MeanAbsoluteError extends MeanMetricWrapper {
    public MeanAbsoluteError() {
        this("mean_absolute_error");
    }

    public MeanAbsoluteError(String name) {
        super(name);
    }

    @Override
    protected double perSample(double[] yTrue, double[] yPred, int row, int width, int trueWidth) {
        int o = row * width;
        double sum = 0;
        for (int j = 0; j < width; j++) {
            sum += Math.abs(yTrue[o + j] - yPred[o + j]);
        }
        return sum / width;
    }
}
