package io.github.keras4j.losses;

import io.github.keras4j.layers.StagedOutput;

/** A loss fused with its output activation: value and gradient with respect to the pre-activation z. */
public interface LogitsLoss {
    /**
     * The mean loss over the batch, writing dLoss/dz (divided by the batch size) into {@code gradZ}.
     *
     * @param output    z and a = activation(z) of the output layer
     * @param trueWidth the labels' last axis: the output width, or 1 for integer labels
     */
    double compute(double[] yTrue, StagedOutput output, double[] gradZ, int trueWidth);
}
