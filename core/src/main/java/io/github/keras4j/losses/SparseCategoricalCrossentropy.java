package io.github.keras4j.losses;

import io.github.keras4j.activations.ActivationFunction;
import io.github.keras4j.layers.Shape;
import io.github.keras4j.layers.StagedOutput;

/**
 * {@code sparse_categorical_crossentropy}: categorical cross-entropy with integer class labels of shape
 * {@code (batch,)} or {@code (batch, 1)} instead of one-hot rows. Same clipping and logits handling as
 * {@link CategoricalCrossentropy}.
 */
public final class SparseCategoricalCrossentropy extends Loss implements LogitsLoss {
    private final boolean fromLogits;

    public SparseCategoricalCrossentropy() {
        this(false);
    }

    public SparseCategoricalCrossentropy(boolean fromLogits) {
        this.fromLogits = fromLogits;
    }

    public boolean fromLogits() {
        return fromLogits;
    }

    @Override
    public String name() {
        return "sparse_categorical_crossentropy";
    }

    @Override
    public double compute(double[] yTrue, double[] yPred, double[] grad, int rows, int width, int trueWidth) {
        checkClassIndices(yTrue, rows, width);
        return fromLogits ? Crossentropy.fromLogits(yTrue, yPred, null, grad, rows, width, true)
                : Crossentropy.fromProbabilities(yTrue, yPred, grad, rows, width, true, CategoricalCrossentropy.EPSILON);
    }

    @Override
    public double compute(double[] yTrue, StagedOutput output, double[] gradZ, int trueWidth) {
        checkClassIndices(yTrue, output.rows(), output.width());
        return Crossentropy.fromLogits(yTrue, output.z(), output.a(), gradZ, output.rows(), output.width(), true);
    }

    @Override
    public LogitsLoss fusedWith(ActivationFunction activation) {
        return !fromLogits && "softmax".equals(activation.name()) ? this : null;
    }

    @Override
    public void checkLabels(long[] yTrueShape, long[] yPredShape) {
        boolean samples = yTrueShape.length >= 1 && yTrueShape[0] == yPredShape[0];
        boolean flat = yTrueShape.length == yPredShape.length - 1;
        boolean column = yTrueShape.length == yPredShape.length && yTrueShape[yTrueShape.length - 1] == 1;
        if (samples && (flat || column)) {
            return;
        }
        String hint = yTrueShape.length == yPredShape.length && yTrueShape[yTrueShape.length - 1] == yPredShape[yPredShape.length - 1]
                ? " These look like one-hot labels: use loss 'categorical_crossentropy', or pass the class indices (argmax of each row)."
                : "";
        throw new IllegalArgumentException("Loss 'sparse_categorical_crossentropy' needs integer class labels of shape ("
                + yPredShape[0] + ",) for the model output " + Shape.describe(yPredShape) + " but received labels of shape "
                + Shape.describe(yTrueShape) + "." + hint);
    }

    private static void checkClassIndices(double[] y, int rows, int classes) {
        for (int r = 0; r < rows; r++) {
            double v = y[r];
            if (!(v >= 0 && v < classes) || v != Math.rint(v)) {
                throw new IllegalArgumentException("Loss 'sparse_categorical_crossentropy' needs class indices in [0, " + (classes - 1)
                        + "] for an output of " + classes + " units, but label " + r + " of the batch is " + v + ".");
            }
        }
    }
}
