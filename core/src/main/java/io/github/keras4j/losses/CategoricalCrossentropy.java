package io.github.keras4j.losses;

import io.github.keras4j.activations.ActivationFunction;
import io.github.keras4j.layers.Shape;
import io.github.keras4j.layers.StagedOutput;

/**
 * {@code categorical_crossentropy} on one-hot (or soft) labels: per sample {@code -sum y log p}.
 *
 * <p>As Keras does, probabilities are renormalised to sum to 1 and clipped to
 * {@code [EPSILON, 1 - EPSILON]} with {@link #EPSILON} = {@value #EPSILON}. With {@code fromLogits} the
 * predictions are logits and {@code log softmax} is computed stably. After a softmax layer the loss is
 * computed from that layer's logits, as Keras does, so the clip never applies there.
 */
public final class CategoricalCrossentropy extends Loss implements LogitsLoss {
    /** Keras' backend epsilon, the clip margin for probabilities. */
    public static final double EPSILON = 1e-7;

    private final boolean fromLogits;

    public CategoricalCrossentropy() {
        this(false);
    }

    public CategoricalCrossentropy(boolean fromLogits) {
        this.fromLogits = fromLogits;
    }

    public boolean fromLogits() {
        return fromLogits;
    }

    @Override
    public String name() {
        return "categorical_crossentropy";
    }

    @Override
    public double compute(double[] yTrue, double[] yPred, double[] grad, int rows, int width, int trueWidth) {
        return fromLogits ? Crossentropy.fromLogits(yTrue, yPred, null, grad, rows, width, false)
                : Crossentropy.fromProbabilities(yTrue, yPred, grad, rows, width, false, EPSILON);
    }

    @Override
    public double compute(double[] yTrue, StagedOutput output, double[] gradZ, int trueWidth) {
        return Crossentropy.fromLogits(yTrue, output.z(), output.a(), gradZ, output.rows(), output.width(), false);
    }

    @Override
    public LogitsLoss fusedWith(ActivationFunction activation) {
        return !fromLogits && "softmax".equals(activation.name()) ? this : null;
    }

    @Override
    protected String labelHint(long[] yTrueShape, long[] yPredShape) {
        if (yTrueShape.length == 1 || (yTrueShape.length == 2 && yTrueShape[1] == 1)) {
            return " These look like integer class labels: use loss 'sparse_categorical_crossentropy', or one-hot encode them with"
                    + " Utils.toCategorical(y, " + yPredShape[yPredShape.length - 1] + ").";
        }
        if (yTrueShape.length == yPredShape.length && yTrueShape[0] == yPredShape[0]) {
            return " The labels have " + yTrueShape[yTrueShape.length - 1] + " classes but the output layer has "
                    + yPredShape[yPredShape.length - 1] + " units: make the last Dense layer Dense("
                    + yTrueShape[yTrueShape.length - 1] + ", \"softmax\").";
        }
        return " Expected " + Shape.describe(yPredShape) + ".";
    }
}
