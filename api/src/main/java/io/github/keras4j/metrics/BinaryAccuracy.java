package io.github.keras4j.metrics;

/**
 * {@code binary_accuracy}: per sample, the fraction of outputs whose prediction, thresholded at
 * {@value #DEFAULT_THRESHOLD} ({@code p > threshold} counts as 1), equals the 0/1 label.
 */
public final class BinaryAccuracy extends MeanMetricWrapper {
    /** Keras' default decision threshold. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    private final double threshold;

    public BinaryAccuracy() {
        this("binary_accuracy");
    }

    public BinaryAccuracy(String name) {
        this(name, DEFAULT_THRESHOLD);
    }

    public BinaryAccuracy(String name, double threshold) {
        super(name);
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    @Override
    protected double perSample(double[] yTrue, double[] yPred, int row, int width, int trueWidth) {
        int o = row * width;
        int hits = 0;
        for (int j = 0; j < width; j++) {
            double predicted = yPred[o + j] > threshold ? 1 : 0;
            hits += predicted == yTrue[o + j] ? 1 : 0;
        }
        return (double) hits / width;
    }
}
