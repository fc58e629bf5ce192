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

    /** z and a of the last training forward. */
    StagedOutput lastOutput();

    /** Backward from dLoss/dz (staged, rows x width) instead of dLoss/da. */
    INDArray backwardFromPreActivation(double[] gradZ, boolean needInputGradient);
}
