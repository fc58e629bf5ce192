package io.github.keras4j.metrics;

/** {@code sparse_categorical_accuracy}: 1 when the largest prediction is at the integer label's class. */
public final class SparseCategoricalAccuracy extends MeanMetricWrapper {
    public SparseCategoricalAccuracy() {
        this("sparse_categorical_accuracy");
    }

    public SparseCategoricalAccuracy(String name) {
        super(name);
    }

    @Override
    protected double perSample(double[] yTrue, double[] yPred, int row, int width, int trueWidth) {
        return yTrue[row * trueWidth] == argmax(yPred, row * width, width) ? 1 : 0;
    }
}
