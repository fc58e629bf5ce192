package io.github.keras4j.datasets;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Objects;

/**
 * A dataset split into training and test examples, as Keras' {@code load_data()} returns it:
 * {@code (x_train, y_train), (x_test, y_test)}.
 *
 * <p>For {@link Mnist} and {@link FashionMnist}: images {@code [n, 28, 28]} and labels {@code [n]}, both
 * {@code UINT8} as in Keras (pixels 0..255, labels 0..9), with n = 60,000 for training and 10,000 for test.
 * Scale images with {@code xTrain().castTo(DataType.FLOAT).div(255)}; one-hot encode labels with
 * {@code Utils.toCategorical(yTrain(), 10)}.
 *
 * @param xTrain training images
 * @param yTrain training labels, one per image
 * @param xTest  test images
 * @param yTest  test labels, one per image
 */
public record TrainTestData(INDArray xTrain, INDArray yTrain, INDArray xTest, INDArray yTest) {
    public TrainTestData {
        Objects.requireNonNull(xTrain, "xTrain");
        Objects.requireNonNull(yTrain, "yTrain");
        Objects.requireNonNull(xTest, "xTest");
        Objects.requireNonNull(yTest, "yTest");
    }

    /** The test half alone. */
    public TestData testData() {
        return new TestData(xTest, yTest);
    }
}
