package io.github.keras4j.models;

import io.github.keras4j.datasets.FashionMnist;
import io.github.keras4j.datasets.Mnist;
import io.github.keras4j.datasets.TestData;
import io.github.keras4j.datasets.TrainTestData;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Flatten;
import io.github.keras4j.utils.TrainTestSplit;
import io.github.keras4j.utils.Utils;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed model of the Keras MNIST tutorial on real data, with the thresholds the issue states. */
class SeedModelOnRealDataTest {
    private static Sequential seedModel() {
        Sequential model = new Sequential();
        model.add(new Flatten().inputShape(28, 28));
        model.add(new Dense(64, "sigmoid"));
        model.add(new Dense(10, "softmax"));
        model.compile("adam", "categorical_crossentropy", "acc");
        return model;
    }

    @Test
    void oneEpochOnFullFashionMnistReachesEightyPercent() {
        Utils.setRandomSeed(42);
        TrainTestData data = FashionMnist.loadData();
        INDArray x = data.xTrain().castTo(DataType.FLOAT).div(255), y = Utils.toCategorical(data.yTrain(), 10);
        INDArray xTest = data.xTest().castTo(DataType.FLOAT).div(255), yTest = Utils.toCategorical(data.yTest(), 10);
        Sequential model = seedModel();
        model.fit(x, y, FitOptions.defaults().withVerbose(0).withEpochs(1));
        double[] score = model.evaluate(xTest, yTest);
        assertTrue(score[1] >= 0.80, "Fashion-MNIST test accuracy after one epoch: " + score[1]);
    }

    @Test
    void tenEpochsOnTheMnistTestSetSplitEightThousandToTwoThousandReachNinetyPercent() {
        Utils.setRandomSeed(42);
        TestData mnist = Mnist.loadTestData();
        INDArray x = mnist.xTest().castTo(DataType.FLOAT).div(255), y = Utils.toCategorical(mnist.yTest(), 10);
        TrainTestSplit split = Utils.trainTestSplit(x, y, 0.2, 42);
        Sequential model = seedModel();
        model.fit(split.xTrain(), split.yTrain(), FitOptions.defaults().withVerbose(0).withEpochs(10)
                .withValidationData(split.xTest(), split.yTest()));
        double[] score = model.evaluate(split.xTest(), split.yTest());
        assertTrue(split.xTrain().size(0) == 8000 && split.xTest().size(0) == 2000, "an 8,000 / 2,000 split");
        assertTrue(score[1] >= 0.90, "MNIST 8k/2k test accuracy after ten epochs: " + score[1]);
    }
}
