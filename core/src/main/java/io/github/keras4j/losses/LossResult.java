package io.github.keras4j.losses;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A loss value (mean over the batch) and its gradient with respect to the predictions. */
public record LossResult(double value, INDArray gradient) {
}
