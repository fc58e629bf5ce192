package io.github.keras4j.metrics;

import java.util.Objects;

/**
 * A metric that is the mean over all samples of a per-sample value (Keras' {@code MeanMetricWrapper}):
 * the result after several batches weighs each batch by its number of samples.
 */
public abstract class MeanMetricWrapper implements Metric {
    private final String name;
    private double total;
    private long count;

    protected MeanMetricWrapper(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The metric's value for sample {@code row}. */
    protected abstract double perSample(double[] yTrue, double[] yPred, int row, int width, int trueWidth);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final void reset() {
        total = 0;
        count = 0;
    }

    @Override
    public final void update(double[] yTrue, double[] yPred, int rows, int width, int trueWidth) {
        for (int r = 0; r < rows; r++) {
            total += perSample(yTrue, yPred, r, width, trueWidth);
        }
        count += rows;
    }

    @Override
    public final double result() {
        return count == 0 ? 0 : total / count;
    }

    /** Index of the largest of {@code values[offset .. offset + width)}; the first one on ties, like argmax. */
    static int argmax(double[] values, int offset, int width) {
        int best = 0;
        for (int j = 1; j < width; j++) {
            if (values[offset + j] > values[offset + best]) {
                best = j;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + name + ")";
    }
}
