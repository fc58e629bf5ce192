package io.github.keras4j.models;

import io.github.keras4j.callbacks.History;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Dropout;
import io.github.keras4j.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Training resumed from a {@code .keras} file continues bit for bit as if it had never stopped, with shuffling
 * and Dropout on: the file keeps the optimizer's state, fit's shuffling generator and each Dropout layer's mask
 * generator. Without those states (as an older file or another tool's has them not) the resumed run differs.
 */
class ResumeFromFileTest {
    private static final FitOptions SHUFFLED = FitOptions.defaults().withVerbose(0).withBatchSize(16); // shuffle is on by default

    @TempDir
    Path dir;

    private static Sequential model() {
        Sequential m = new Sequential(new Dense(32, "relu").inputShape(6), new Dropout(0.3), new Dense(16, "relu"), new Dropout(0.2),
                new Dense(3, "softmax"));
        m.compile("adam", "categorical_crossentropy", "acc");
        return m;
    }

    private static INDArray x() {
        Nd4j.getRandom().setSeed(11);
        return Nd4j.rand(DataType.FLOAT, 100, 6);
    }

    private static INDArray y(INDArray x) {
        INDArray labels = x.getColumn(0).mul(2.999).castTo(DataType.INT32).castTo(DataType.FLOAT);
        return Utils.toCategorical(labels, 3);
    }

    @Test
    void resumingFromAFileEqualsTrainingThatNeverStopped() {
        INDArray x = x();
        INDArray y = y(x);
        Utils.setRandomSeed(42);
        Sequential straight = model();
        History all = straight.fit(x, y, SHUFFLED.withEpochs(6));

        Utils.setRandomSeed(42);
        Sequential first = model();
        first.fit(x, y, SHUFFLED.withEpochs(3));
        Path file = dir.resolve("epoch-3.keras");
        first.save(file);
        Utils.setRandomSeed(999); // whatever the global seed is now, the file's states decide
        Sequential resumed = Models.load(file);
        History rest = resumed.fit(x, y, SHUFFLED.withInitialEpoch(3).withEpochs(6));

        assertEquals(Utils.fingerprint(straight), Utils.fingerprint(resumed));
        assertWeightsEqual(straight, resumed);
        assertEquals(all.history().get("loss").subList(3, 6), rest.history().get("loss"), "the same losses, epoch by epoch");
    }

    @Test
    void fitCalledTwiceEqualsOneFitOfAllTheEpochs() {
        INDArray x = x();
        INDArray y = y(x);
        Utils.setRandomSeed(7);
        Sequential once = model();
        once.fit(x, y, SHUFFLED.withEpochs(4));
        Utils.setRandomSeed(7);
        Sequential twice = model();
        twice.fit(x, y, SHUFFLED.withEpochs(2));
        twice.fit(x, y, SHUFFLED.withInitialEpoch(2).withEpochs(4));
        assertWeightsEqual(once, twice);
    }

    @Test
    void withoutTheSavedGeneratorStatesTheResumedRunDiffers() {
        INDArray x = x();
        INDArray y = y(x);
        Utils.setRandomSeed(42);
        Sequential straight = model();
        straight.fit(x, y, SHUFFLED.withEpochs(4));

        Utils.setRandomSeed(42);
        Sequential first = model();
        first.fit(x, y, SHUFFLED.withEpochs(2));
        Path weights = dir.resolve("epoch-2.weights.h5"); // weights and optimizer only, as Keras' save_weights
        first.saveWeights(weights);
        Sequential fresh = model();
        fresh.loadWeights(weights);
        fresh.fit(x, y, SHUFFLED.withInitialEpoch(2).withEpochs(4));

        assertNotEquals(Utils.fingerprint(straight), Utils.fingerprint(fresh),
                "the test can tell: new shuffling and masks change the result");
    }

    static void assertWeightsEqual(Sequential a, Sequential b) {
        List<INDArray> wa = a.getWeights();
        List<INDArray> wb = b.getWeights();
        assertEquals(wa.size(), wb.size());
        for (int i = 0; i < wa.size(); i++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(wa.get(i).data().asFloat(), wb.get(i).data().asFloat(), 0f, "weight " + i);
        }
    }
}
