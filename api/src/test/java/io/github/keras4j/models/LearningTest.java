package io.github.keras4j.models;

import io.github.keras4j.SyntheticData;
import io.github.keras4j.callbacks.History;
import io.github.keras4j.optimizers.Adam;
import io.github.keras4j.utils.TrainTestSplit;
import io.github.keras4j.utils.Utils;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class LearningTest {
    @Test
    void learnsSeparableBlobsToHighAccuracy() {
        Utils.setRandomSeed(3);
        var data = SyntheticData.blobs(1200, 8, 5, 1.5, 21);
        TrainTestSplit split = Utils.trainTestSplit(data.x(), Utils.toCategorical(data.labels(), 5), 0.25, 7);
        Sequential model = SyntheticData.classifier(8, 5);
        model.compile(new Adam(0.01), "categorical_crossentropy", "acc");
        History h = model.fit(split.xTrain(), split.yTrain(), FitOptions.defaults().withVerbose(0).withEpochs(10)
                .withValidationData(split.xTest(), split.yTest()));
        List<Double> loss = h.history().get("loss");
        assertTrue(loss.get(loss.size() - 1) < loss.get(0) * 0.5, "loss fell: " + loss);
        double[] score = model.evaluate(split.xTest(), split.yTest());
        assertTrue(score[1] > 0.95, "test accuracy " + score[1]);
    }
}
