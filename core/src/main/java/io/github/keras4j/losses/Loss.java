package io.github.keras4j.losses;

import io.github.keras4j.activations.ActivationFunction;
import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.layers.Shape;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A loss (Keras' {@code keras.losses}) with Keras' reduction {@code sum_over_batch_size}: the mean over
 * the batch of each sample's loss. Value and gradient are computed together.
 *
 * <p>The engine calls {@link #compute(double[], double[], double[], int, int, int)} on staged arrays;
 * {@link #compute(INDArray, INDArray)} is the same for ND4J arrays.
 */
public abstract class Loss {
    /** Keras' identifier, e.g. {@code "categorical_crossentropy"}. */
    public abstract String name();

    /**
     * The mean loss over {@code rows} samples, writing dLoss/dyPred into {@code grad} (already divided by
     * the batch size, so it is the gradient of the mean).
     *
     * @param yTrue     labels, {@code rows x trueWidth}
     * @param yPred     predictions, {@code rows x width}
     * @param trueWidth the labels' last axis: {@code width}, or 1 for sparse (integer) labels
     */
    public abstract double compute(double[] yTrue, double[] yPred, double[] grad, int rows, int width, int trueWidth);

    /** The mean loss and its gradient for ND4J arrays; {@code yTrue} must have as many samples as {@code yPred}. */
    public LossResult compute(INDArray yTrue, INDArray yPred) {
        checkLabels(yTrue.shape(), yPred.shape());
        int width = (int) yPred.size(yPred.rank() - 1);
        int rows = (int) (yPred.length() / width);
        int trueWidth = (int) (yTrue.length() / rows);
        double[] grad = new double[(int) yPred.length()];
        double value = compute(NativeMemory.read(yTrue), NativeMemory.read(yPred), grad, rows, width, trueWidth);
        INDArray g = org.nd4j.linalg.factory.Nd4j.create(yPred.dataType(), yPred.shape(), 'c');
        NativeMemory.write(grad, g);
        return new LossResult(value, g);
    }

    /**
     * Checks that labels of {@code yTrueShape} fit predictions of {@code yPredShape}, with a message that
     * says how to fix them. Losses on one-hot or real-valued targets need equal shapes, up to a trailing
     * axis of size 1 (see {@link #sameUpToTrailingOne}).
     */
    public void checkLabels(long[] yTrueShape, long[] yPredShape) {
        if (!sameUpToTrailingOne(yTrueShape, yPredShape)) {
            throw new IllegalArgumentException("Loss '" + name() + "' needs labels of the same shape as the model output "
                    + Shape.describe(yPredShape) + " but received labels of shape " + Shape.describe(yTrueShape) + "."
                    + labelHint(yTrueShape, yPredShape));
        }
    }

    /**
     * True when the shapes are equal, or equal once a trailing axis of size 1 is dropped from the longer
     * one: Keras squeezes or expands that axis, so labels of shape {@code (batch,)} fit an output of
     * shape {@code (batch, 1)}. Both hold the same values in the same order.
     */
    protected static boolean sameUpToTrailingOne(long[] a, long[] b) {
        if (java.util.Arrays.equals(a, b)) {
            return true;
        }
        long[] longer = a.length > b.length ? a : b;
        long[] shorter = a.length > b.length ? b : a;
        return longer.length == shorter.length + 1 && longer[longer.length - 1] == 1
                && java.util.Arrays.equals(java.util.Arrays.copyOf(longer, shorter.length), shorter);
    }

    /** A hint for mismatched labels; losses that take one-hot labels point at toCategorical. */
    protected String labelHint(long[] yTrueShape, long[] yPredShape) {
        return "";
    }

    /**
     * When this loss, applied after {@code activation}, has a cheaper and more accurate gradient with
     * respect to the activation's input (softmax + cross-entropy), that fused form; else null.
     */
    public LogitsLoss fusedWith(ActivationFunction activation) {
        return null;
    }

    @Override
    public String toString() {
        return name();
    }
}
