package io.github.keras4j.losses;

/**
 * Label handling shared by {@code hinge} and {@code squared_hinge}, which expect targets in {-1, 1}: as in
 * Keras, when every label of the batch is 0 or 1 they are read as {@code 2 y - 1}; otherwise (labels
 * already in {-1, 1}, or anything else) they are used unchanged.
 */
final class HingeLabels {
    private HingeLabels() {
    }

    /** True when all of {@code y[0..n)} are 0 or 1, so they are to be mapped to -1 and 1. */
    static boolean areZeroOne(double[] y, int n) {
        for (int i = 0; i < n; i++) {
            if (y[i] != 0 && y[i] != 1) {
                return false;
            }
        }
        return true;
    }

    /** The hint for integer class labels given to a hinge loss of a multi-unit output. */
    static String labelHint(String loss, long[] yTrueShape, long[] yPredShape) {
        long units = yPredShape[yPredShape.length - 1];
        if (yTrueShape.length == yPredShape.length - 1 && units > 1) {
            return " These look like integer class labels, but '" + loss + "' takes one -1/1 (or 0/1) target per output unit: for "
                    + units + " exclusive classes use loss 'categorical_hinge' with one-hot labels, Utils.toCategorical(y, " + units + ").";
        }
        return "";
    }

    /** The label as a {-1, 1} target. */
    static double signed(double y, boolean zeroOne) {
        return zeroOne ? 2 * y - 1 : y;
    }
}
