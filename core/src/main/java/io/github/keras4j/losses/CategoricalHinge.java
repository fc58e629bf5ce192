package io.github.keras4j.losses;

import io.github.keras4j.layers.Shape;

/**
 * {@code categorical_hinge}, the multiclass SVM loss (Crammer and Singer) on one-hot labels: per sample
 * {@code max(neg - pos + 1, 0)} with {@code pos = sum_j y_j p_j} (the true class's score) and
 * {@code neg = max_j (1 - y_j) p_j} (the best other score), then the mean over the batch. Where the loss
 * is positive the gradient is {@code -y_j} plus {@code 1 - y_k} at the best other class k (the first one
 * on a tie).
 */
public final class CategoricalHinge extends Loss {
    @Override
    public String name() {
        return "categorical_hinge";
    }

    @Override
    public double compute(double[] yTrue, double[] yPred, double[] grad, int rows, int width, int trueWidth) {
        double total = 0;
        for (int r = 0; r < rows; r++) {
            int o = r * width;
            double pos = 0;
            double neg = Double.NEGATIVE_INFINITY;
            int best = o;
            for (int j = o; j < o + width; j++) {
                pos += yTrue[j] * yPred[j];
                double other = (1 - yTrue[j]) * yPred[j];
                if (other > neg) {
                    neg = other;
                    best = j;
                }
            }
            double loss = neg - pos + 1;
            if (loss > 0) {
                total += loss;
                for (int j = o; j < o + width; j++) {
                    grad[j] = -yTrue[j] / rows;
                }
                grad[best] += (1 - yTrue[best]) / rows;
            } else {
                java.util.Arrays.fill(grad, o, o + width, 0);
            }
        }
        return total / rows;
    }

    @Override
    protected String labelHint(long[] yTrueShape, long[] yPredShape) {
        if (yTrueShape.length == yPredShape.length - 1) {
            return " These look like integer class labels: one-hot encode them with Utils.toCategorical(y, "
                    + yPredShape[yPredShape.length - 1] + ").";
        }
        return " Expected one-hot labels of shape " + Shape.describe(yPredShape) + ".";
    }
}
