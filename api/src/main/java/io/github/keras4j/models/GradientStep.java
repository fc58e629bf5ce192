package io.github.keras4j.models;

/**
 * The first half of a training step on one batch ({@link Model#computeGradients}): the batch's loss (regularization
 * penalties included) and the gradients of the trainable weights. A NaN or infinite loss gives gradients that would
 * write NaN into the weights: check {@link #finite()} before applying them (fit skips such a step).
 */
public record GradientStep(double loss, Gradients gradients) {
    /** True when the loss is finite, so the gradients may be applied. */
    public boolean finite() {
        return Double.isFinite(loss);
    }
}
