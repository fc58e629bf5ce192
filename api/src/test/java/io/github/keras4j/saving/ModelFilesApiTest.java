package io.github.keras4j.saving;

import io.github.keras4j.callbacks.ModelCheckpoint;
import io.github.keras4j.datasets.Mnist;
import io.github.keras4j.datasets.TestData;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Dropout;
import io.github.keras4j.layers.Flatten;
import io.github.keras4j.models.FitOptions;
import io.github.keras4j.models.Models;
import io.github.keras4j.models.Sequential;
import io.github.keras4j.optimizers.Adam;
import io.github.keras4j.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Saving and loading through the user-facing API: model.save, Models.load, saveWeights, toJson, ModelCheckpoint. */
class ModelFilesApiTest {
    @TempDir
    Path dir;

    private static Sequential model() {
        Sequential m = new Sequential();
        m.add(new Flatten().inputShape(4, 3));
        m.add(new Dense(16, "relu"));
        m.add(new Dense(5, "softmax"));
        m.compile(new Adam(0.01), "categorical_crossentropy", "acc");
        return m;
    }

    private static INDArray x() {
        return Nd4j.rand(DataType.FLOAT, 64, 4, 3);
    }

    private static INDArray y(INDArray x) {
        INDArray labels = Nd4j.create(DataType.FLOAT, x.size(0));
        for (int i = 0; i < x.size(0); i++) {
            labels.putScalar(i, ((int) (x.getDouble(i, 0, 0) * 5)) % 5);
        }
        return Utils.toCategorical(labels, 5);
    }

    @Test
    void savedModelLoadsWithBitIdenticalPredictionsAndItsCompileSettings() {
        Utils.setRandomSeed(1);
        Sequential m = model();
        INDArray x = x();
        m.fit(x, y(x), FitOptions.defaults().withVerbose(0).withEpochs(2));
        Path file = dir.resolve("m.keras");
        m.save(file);
        Sequential loaded = Models.load(file);
        assertEquals(m.summaryString(), loaded.summaryString());
        assertEquals(List.of("acc"), loaded.metricNames());
        assertEquals("categorical_crossentropy", loaded.loss().name());
        assertEquals(m.optimizer().iterations(), loaded.optimizer().iterations());
        assertArrayEquals(m.predict(x).data().asFloat(), loaded.predict(x).data().asFloat(), 0f);
    }

    @Test
    void trainingResumedFromAFileEqualsUninterruptedTrainingBitForBit() {
        INDArray x = x();
        INDArray y = y(x);
        FitOptions oneEpoch = FitOptions.defaults().withVerbose(0).withEpochs(1).withBatchSize(8);

        Utils.setRandomSeed(7);
        Sequential straight = model();
        straight.fit(x, y, oneEpoch);
        Utils.setRandomSeed(8);
        straight.fit(x, y, oneEpoch);

        Utils.setRandomSeed(7);
        Sequential first = model();
        first.fit(x, y, oneEpoch);
        Path file = dir.resolve("mid.keras");
        first.save(file);
        Sequential resumed = Models.load(file);
        Utils.setRandomSeed(8);
        resumed.fit(x, y, oneEpoch);

        List<INDArray> a = straight.getWeights();
        List<INDArray> b = resumed.getWeights();
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).data().asFloat(), b.get(i).data().asFloat(), 0f, "weight " + i);
        }
    }

    @Test
    void weightsFileAndJsonRoundTrip() {
        Utils.setRandomSeed(2);
        Sequential m = model();
        m.build(4, 3);
        Path weights = dir.resolve("w.weights.h5");
        m.saveWeights(weights);
        Sequential copy = Models.fromJson(m.toJson());
        INDArray x = x();
        assertFalse(java.util.Arrays.equals(m.predict(x).data().asFloat(), copy.predict(x).data().asFloat()),
                "fromJson gives fresh weights");
        copy.loadWeights(weights);
        assertArrayEquals(m.predict(x).data().asFloat(), copy.predict(x).data().asFloat(), 0f);
    }

    @Test
    void kerasFixtureLoadsAndEvaluatesToTheReadmeAccuracy() {
        Sequential model = Models.load(Fixtures.file("dense-784-300-100-10.keras"));
        TestData test = Mnist.loadTestData();
        INDArray x = test.xTest().castTo(DataType.FLOAT).div(255).reshape(10000, 784);
        INDArray y = Utils.toCategorical(test.yTest(), 10);
        // The file was compiled with 'precision' too, which keras4j leaves out; accuracy is recomputed here.
        model.compile(model.optimizer(), "categorical_crossentropy", "acc");
        double[] score = model.evaluate(x, y);
        assertEquals(0.9773, score[1], 1e-9);
    }

    @Test
    void checkpointSavesTheBestEpochsThroughTheAtomicWriter() {
        Utils.setRandomSeed(3);
        Sequential m = model();
        INDArray x = x();
        INDArray y = y(x);
        Path pattern = dir.resolve("ckpt-{epoch:02d}.keras");
        ModelCheckpoint every = new ModelCheckpoint(pattern);
        ModelCheckpoint best = new ModelCheckpoint(dir.resolve("best.weights.h5")).saveWeightsOnly(true).monitor("loss").saveBestOnly(true);
        m.fit(x, y, FitOptions.defaults().withVerbose(0).withEpochs(3).withCallbacks(every, best));
        assertTrue(Files.isRegularFile(dir.resolve("ckpt-01.keras")));
        assertTrue(Files.isRegularFile(dir.resolve("ckpt-03.keras")));
        assertTrue(Files.isRegularFile(dir.resolve("best.weights.h5")));
        assertEquals(m.optimizer().iterations(), Models.load(dir.resolve("ckpt-03.keras")).optimizer().iterations());
        assertTrue(best.best() != null && best.best() > 0);
    }

    @Test
    void checkpointFileNamesAreCheckedBeforeTraining() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ModelCheckpoint("model.h5"));
        assertEquals("ModelCheckpoint needs a file name ending in '.keras' (the whole model) or '.weights.h5' (with "
                + "saveWeightsOnly(true)), got 'model.h5'", e.getMessage());
        Sequential m = model();
        ModelCheckpoint wrong = new ModelCheckpoint("w.weights.h5");
        INDArray x = x();
        e = assertThrows(IllegalArgumentException.class,
                () -> m.fit(x, y(x), FitOptions.defaults().withVerbose(0).withCallbacks(wrong)));
        assertEquals("ModelCheckpoint needs a file name ending in '.keras', got 'w.weights.h5'", e.getMessage());
    }

    @Test
    void modelWithDropoutSavesAndPredictsWithoutDropout() {
        Sequential m = new Sequential();
        m.add(new Dense(8, "relu").inputShape(3));
        m.add(new Dropout(0.5));
        m.add(new Dense(2, "softmax"));
        Path file = dir.resolve("d.keras");
        m.save(file);
        INDArray x = Nd4j.rand(DataType.FLOAT, 10, 3);
        assertArrayEquals(m.predict(x).data().asFloat(), Models.load(file).predict(x).data().asFloat(), 0f);
    }
}
