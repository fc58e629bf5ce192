package io.github.keras4j.datasets;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Objects;

/**
 * The test split of a dataset alone, from {@link Mnist#loadTestData()} or {@link FashionMnist#loadTestData()}:
 * images {@code [10000, 28, 28]} and labels {@code [10000]}, both {@code UINT8} as in {@link TrainTestData}.
 * The accessors carry the same names as there, so code written for one reads the same with the other.
 *
 * @param xTest test images
 * @param yTest test labels, one per image
 */
public record TestData(INDArray xTest, INDArray yTest) {
    public TestData {
        Objects.requireNonNull(xTest, "xTest");
        Objects.requireNonNull(yTest, "yTest");
    }
}
