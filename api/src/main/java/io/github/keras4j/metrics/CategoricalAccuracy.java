package io.github.keras4j.metrics;

/** {@code categorical_accuracy}: 1 when the largest prediction is at the one-hot label's class. */
public final class CategoricalAccuracy extends MeanMetricWrapper {
    public CategoricalAccuracy() {
        this("categorical_accuracy");
    }

    public CategoricalAccuracy(String name) {
        super(name);
    }

    @Override
    protected double perSample(double[] yTrue, double[] yPred, int row, int width, int trueWidth) {
        int o = row * width;
        return argmax(yTrue, o, width) == argmax(yPred, o, width) ? 1 : 0;
    }
}
