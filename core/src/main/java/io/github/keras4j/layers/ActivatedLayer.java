package io.github.keras4j.layers;

import io.github.keras4j.activations.ActivationFunction;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A layer whose output is an activation function of a pre-activation (Dense, Activation). The engine
 * uses it to fuse the output activation with the loss: softmax followed by cross-entropy has the
 * gradient {@code (p - y) / N} with respect to the logits, cheaper and more accurate than going
 * through softmax's Jacobian (and what Keras does when the logits are at hand).
 */
public interface ActivatedLayer {
    ActivationFunction activation();

    /**
     * z and a of the last training forward; null when the layer computed it in place without staging, which it does
     * only while {@link #stageForLoss(boolean)} is off.
     */
    StagedOutput lastOutput();

    /**
     * Whether training forwards must stage z and a for the loss (on by default). The layer stack turns it on for
     * its last layer only, so hidden layers may take faster paths that stage nothing.
     */
    void stageForLoss(boolean stage);

    /** Backward from dLoss/dz (staged, rows x width) instead of dLoss/da. */
    INDArray backwardFromPreActivation(double[] gradZ, boolean needInputGradient);
}
