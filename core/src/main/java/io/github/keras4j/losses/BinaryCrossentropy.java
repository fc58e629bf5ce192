package io.github.keras4j.losses;

import io.github.keras4j.activations.ActivationFunction;
import io.github.keras4j.activations.Sigmoid;
import io.github.keras4j.activations.Softplus;
import io.github.keras4j.layers.Shape;
import io.github.keras4j.layers.StagedOutput;

/**
 * {@code binary_crossentropy} for 0/1 (or soft) targets, one independent probability per output unit:
 * per value {@code -(y log p + (1 - y) log(1 - p))}, averaged over the last axis and then the batch.
 *
 * <p>As Keras does, probabilities are clipped to {@code [EPSILON, 1 - EPSILON]} with {@link #EPSILON} =
 * {@value #EPSILON}, and the gradient is zero for predictions outside that range. With {@code fromLogits} the
 * predictions are logits z and the loss is the stable {@code max(z, 0) - z y + log(1 + exp(-|z|))}.
 * After a sigmoid layer the loss is computed from that layer's logits, as Keras does, with
 * {@code dL/dz = (sigmoid(z) - y) / (rows * width)}; the clip never applies there.
 */
public final class BinaryCrossentropy extends Loss implements LogitsLoss {
    /** Keras' backend epsilon, the clip margin for probabilities (the same one categorical cross-entropy uses). */
    public static final double EPSILON = CategoricalCrossentropy.EPSILON;

    private final boolean fromLogits;

    public BinaryCrossentropy() {
        this(false);
    }

    public BinaryCrossentropy(boolean fromLogits) {
        this.fromLogits = fromLogits;
    }

    public boolean fromLogits() {
        return fromLogits;
    }

    @Override
    public String name() {
        return "binary_crossentropy";
    }

    @Override
    public double compute(double[] yTrue, double[] yPred, double[] grad, int rows, int width, int trueWidth) {
        return fromLogits ? fromLogits(yTrue, yPred, null, grad, rows * width)
                : fromProbabilities(yTrue, yPred, grad, rows * width);
    }

    @Override
    public double compute(double[] yTrue, StagedOutput output, double[] gradZ, int trueWidth) {
        return fromLogits(yTrue, output.z(), output.a(), gradZ, output.length());
    }

    @Override
    public LogitsLoss fusedWith(ActivationFunction activation) {
        return !fromLogits && "sigmoid".equals(activation.name()) ? this : null;
    }

    /** L = mean of -(y log c + (1 - y) log(1 - c)), c = clip(p); dL/dp = (-y/c + (1 - y)/(1 - c)) / n inside the clip. */
    private static double fromProbabilities(double[] y, double[] p, double[] grad, int n) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            double c = Math.min(Math.max(p[i], EPSILON), 1 - EPSILON);
            total -= y[i] * Math.log(c) + (1 - y[i]) * Math.log(1 - c);
            // TensorFlow's clip passes the gradient on the bounds themselves, and stops it only outside.
            boolean inside = p[i] >= EPSILON && p[i] <= 1 - EPSILON;
            grad[i] = inside ? (-y[i] / c + (1 - y[i]) / (1 - c)) / n : 0;
        }
        return total / n;
    }

    /**
     * L = mean of softplus(z) - z y (= max(z, 0) - z y + log(1 + exp(-|z|))), dL/dz = (sigmoid(z) - y) / n.
     * When {@code sigmoid} is given (the output layer's activation) it is used instead of recomputing it.
     */
    private static double fromLogits(double[] y, double[] z, double[] sigmoid, double[] grad, int n) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += Softplus.softplus(z[i]) - z[i] * y[i];
            double s = sigmoid != null ? sigmoid[i] : Sigmoid.sigmoid(z[i]);
            grad[i] = (s - y[i]) / n;
        }
        return total / n;
    }

    @Override
    protected String labelHint(long[] yTrueShape, long[] yPredShape) {
        long units = yPredShape[yPredShape.length - 1];
        long labelWidth = yTrueShape[yTrueShape.length - 1];
        boolean sameBatch = yTrueShape.length >= 1 && yTrueShape[0] == yPredShape[0];
        if (sameBatch && yTrueShape.length == yPredShape.length && units == 1 && labelWidth > 1) {
            return " These look like one-hot labels of " + labelWidth + " classes, but the output layer has 1 unit."
                    + (labelWidth == 2 ? " For two classes pass one 0/1 label per sample, shape (" + yPredShape[0]
                    + ", 1) (e.g. the second column of the one-hot rows), or" : " Either")
                    + " use Dense(" + labelWidth + ", \"softmax\") with loss 'categorical_crossentropy'.";
        }
        if (sameBatch && yTrueShape.length == yPredShape.length - 1 && units > 1) {
            return " These look like integer class labels: for " + units + " exclusive classes use loss"
                    + " 'sparse_categorical_crossentropy'; for " + units + " independent 0/1 targets pass labels of shape "
                    + Shape.describe(yPredShape) + ".";
        }
        return " Expected " + Shape.describe(yPredShape) + " (or " + Shape.describe(java.util.Arrays.copyOf(yPredShape,
                yPredShape.length - 1)) + " for a single output unit), one 0/1 target per output unit.";
    }
}
