package io.github.keras4j.regularizers;

/** A penalty on a weight array added to the loss (Keras' {@code keras.regularizers}). */
public interface Regularizer {
    /** The penalty for the first {@code n} weights. */
    double penalty(double[] w, int n);

    /** Adds dPenalty/dw to {@code grad}. */
    void addGradient(double[] w, double[] grad, int n);
}
