package io.github.keras4j.utils;

import org.nd4j.linalg.api.ndarray.INDArray;

/** The four arrays of {@link Utils#trainTestSplit}: training samples and labels, then test samples and labels. */
public record TrainTestSplit(INDArray xTrain, INDArray yTrain, INDArray xTest, INDArray yTest) {
}
