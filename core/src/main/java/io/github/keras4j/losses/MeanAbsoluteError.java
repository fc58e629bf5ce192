package io.github.keras4j.losses;

/**
 * {@code mae}: per sample {@code mean(|y - p|)} over the last axis, then the mean over the batch. The
 * gradient is {@code sign(p - y)}, taken as 0 where {@code p == y}.
 */
public final class MeanAbsoluteError extends Loss {
    @Override
    public String name() {
        return "mean_absolute_error";
    }

    @Override
    public double compute(double[] yTrue, double[] yPred, double[] grad, int rows, int width, int trueWidth) {
        int n = rows * width;
        double sum = 0;
        double scale = 1.0 / n; // d/dp of (1/(rows*width)) sum |p - y|
        for (int i = 0; i < n; i++) {
            double d = yPred[i] - yTrue[i];
            sum += Math.abs(d);
            grad[i] = scale * Math.signum(d);
        }
        return sum / n;
    }
}
