package io.github.keras4j.losses;

/**
 * {@code squared_hinge}: per sample {@code mean(max(1 - y p, 0)^2)} over the last axis, then the mean over
 * the batch, for targets y in {-1, 1}; 0/1 labels are converted to -1/1 as Keras does (see
 * {@link HingeLabels}). The gradient is {@code -2 y max(1 - y p, 0)}.
 */
public final class SquaredHinge extends Loss {
    @Override
    public String name() {
        return "squared_hinge";
    }

    @Override
    public double compute(double[] yTrue, double[] yPred, double[] grad, int rows, int width, int trueWidth) {
        int n = rows * width;
        boolean zeroOne = HingeLabels.areZeroOne(yTrue, n);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double y = HingeLabels.signed(yTrue[i], zeroOne);
            double margin = Math.max(1 - y * yPred[i], 0);
            sum += margin * margin;
            grad[i] = -2 * y * margin / n;
        }
        return sum / n;
    }

    @Override
    protected String labelHint(long[] yTrueShape, long[] yPredShape) {
        return HingeLabels.labelHint(name(), yTrueShape, yPredShape);
    }
}
