package io.github.keras4j.models;

import io.github.keras4j.CataloguedWarnings;
import io.github.keras4j.LogCapture;
import io.github.keras4j.SyntheticData;
import io.github.keras4j.callbacks.History;
import io.github.keras4j.data.ArrayDataset;
import io.github.keras4j.data.Batch;
import io.github.keras4j.data.Dataset;
import io.github.keras4j.data.DatasetException;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Dropout;
import io.github.keras4j.utils.Utils;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.github.keras4j.SyntheticData.floats;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * fit, evaluate and predict on a {@link Dataset} compute exactly what they compute on the same batches in memory, and
 * every batch is checked, with its index in the message.
 */
class DatasetFitTest {
    private static final SyntheticData.Labeled DATA = SyntheticData.blobs(100, 5, 3, 1.0, 4);
    private static final FitOptions QUIET = FitOptions.defaults().withVerbose(0);

    private static Sequential model(long seed) {
        Utils.setRandomSeed(seed);
        Sequential m = new Sequential(new Dense(12, "relu").inputShape(5), new Dropout(0.2), new Dense(3, "softmax"));
        m.compile("adam", "sparse_categorical_crossentropy", "acc");
        return m;
    }

    @Test
    void aDatasetOfTheSameBatchesTrainsToTheSameWeightsAsArrays() {
        Sequential arrays = model(5);
        History a = arrays.fit(DATA.x(), DATA.labels(), QUIET.withEpochs(3).withBatchSize(16).withShuffle(false));
        Sequential dataset = model(5);
        History d = dataset.fit(new ArrayDataset(DATA.x(), DATA.labels(), 16), QUIET.withEpochs(3));
        assertEquals(Utils.fingerprint(arrays), Utils.fingerprint(dataset));
        assertEquals(a.history(), d.history());
    }

    @Test
    void evaluateAndPredictOnADatasetEqualThemOnArrays() {
        Sequential m = model(6);
        m.fit(DATA.x(), DATA.labels(), QUIET.withEpochs(2));
        Dataset data = new ArrayDataset(DATA.x(), DATA.labels(), 32);
        assertArrayEquals(m.evaluate(DATA.x(), DATA.labels()), m.evaluate(data));
        assertEquals(List.of("loss", "acc"), List.copyOf(m.evaluateDict(data, 0).keySet()));
        assertEquals(m.evaluate(DATA.x(), DATA.labels())[1], m.evaluateDict(DATA.x(), DATA.labels(), 32, 0).get("acc"));
        assertArrayEquals(floats(m.predict(DATA.x())), floats(m.predict(new ArrayDataset(DATA.x(), null, 7))));
    }

    @Test
    void validationDataAsADatasetEqualsValidationArrays() {
        INDArray xv = DATA.x().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 40)).dup();
        INDArray yv = DATA.labels().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 40)).dup();
        History a = model(7).fit(DATA.x(), DATA.labels(), QUIET.withEpochs(2).withValidationData(xv, yv));
        History d = model(7).fit(DATA.x(), DATA.labels(), QUIET.withEpochs(2).withValidationData(new ArrayDataset(xv, yv, 32)));
        assertEquals(a.history(), d.history());
    }

    @Test
    void validationFreqValidatesEveryNthEpochAsKeras() {
        History h = model(8).fit(new ArrayDataset(DATA.x(), DATA.labels(), 32),
                QUIET.withEpochs(4).withValidationFreq(2).withValidationData(new ArrayDataset(DATA.x(), DATA.labels(), 50)));
        assertEquals(4, h.history().get("loss").size());
        assertEquals(2, h.history().get("val_loss").size(), "epochs 2 and 4, as Keras' validation_freq=2");
    }

    @Test
    void stepsPerEpochTrainsTheFirstStepsBatchesOfEachEpoch() {
        Sequential steps = model(9);
        steps.fit(new ArrayDataset(DATA.x(), DATA.labels(), 10), QUIET.withEpochs(2).withStepsPerEpoch(3));
        INDArray first = DATA.x().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 30)).dup();
        INDArray firstLabels = DATA.labels().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 30)).dup();
        Sequential arrays = model(9);
        arrays.fit(first, firstLabels, QUIET.withEpochs(2).withBatchSize(10).withShuffle(false));
        assertEquals(Utils.fingerprint(arrays), Utils.fingerprint(steps));
    }

    @Test
    void aShuffledArrayDatasetDrawsANewOrderEachEpochFromItsSeed() {
        Dataset a = new ArrayDataset(DATA.x(), DATA.labels(), 100).shuffled(1);
        float[] epoch1 = floats(a.batch(0).y());
        a.onEpochEnd();
        float[] epoch2 = floats(a.batch(0).y());
        assertTrue(!java.util.Arrays.equals(epoch1, epoch2));
        assertArrayEquals(epoch1, floats(new ArrayDataset(DATA.x(), DATA.labels(), 100).shuffled(1).batch(0).y()));
        java.util.Arrays.sort(epoch1);
        float[] sorted = floats(DATA.labels());
        java.util.Arrays.sort(sorted);
        assertArrayEquals(sorted, epoch1, "a permutation of the samples");
    }

    /** A stream of unknown length: {@code length} batches of 10, then null; counts its calls. */
    private static final class Stream implements Dataset {
        final int length;
        final AtomicInteger released = new AtomicInteger();
        final List<Integer> asked = new ArrayList<>();
        int failAt = -1;

        Stream(int length) {
            this.length = length;
        }

        @Override
        public int numBatches() {
            return UNKNOWN;
        }

        @Override
        public Batch batch(int index) {
            asked.add(index);
            if (index == failAt) {
                throw new IllegalStateException("disk unplugged");
            }
            return index >= length ? null : new ArrayDataset(DATA.x(), DATA.labels(), 10).batch(index);
        }

        @Override
        public void release() {
            released.incrementAndGet();
        }
    }

    @Test
    void aStreamOfUnknownLengthNeedsStepsPerEpochAndStopsTrainingWhenItEnds() {
        Sequential m = model(10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.fit(new Stream(5), QUIET));
        assertTrue(e.getMessage().contains("withStepsPerEpoch"), e.getMessage());
        Stream stream = new Stream(5);
        try (LogCapture log = LogCapture.of(FitLoop.class)) {
            History h = m.fit(stream, QUIET.withEpochs(3).withStepsPerEpoch(8));
            assertEquals(1, h.history().get("loss").size(), "the stream ran out in the first epoch");
            assertEquals(List.of("fit(): the training Dataset ended at batch 5 of epoch 1, before the 8 batches of stepsPerEpoch; training"
                    + " stops here, as in Keras when the input runs out of data."), log.warnings());
            CataloguedWarnings.assertCatalogued(log.warnings().get(0));
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        assertEquals(1, stream.released.get(), "fit releases the dataset once");
    }

    @Test
    void aFailingBatchIsNamedAndLeavesTheWeightsOfTheLastCompleteStep() {
        Stream stream = new Stream(10);
        stream.failAt = 3;
        Sequential failing = model(11);
        DatasetException e = assertThrows(DatasetException.class, () -> failing.fit(stream, QUIET.withStepsPerEpoch(10)));
        assertEquals("The training Dataset failed to deliver batch 3: java.lang.IllegalStateException: disk unplugged. The model"
                + " keeps the weights of its last complete step.", e.getMessage());
        assertEquals(1, stream.released.get(), "released on failure too");
        Sequential three = model(11);
        three.fit(new Stream(10), QUIET.withStepsPerEpoch(3));
        assertEquals(Utils.fingerprint(three), Utils.fingerprint(failing));
    }

    @Test
    void everyBatchIsCheckedAndTheMessageNamesIt() {
        INDArray bad = DATA.x().dup();
        bad.putScalar(new long[] {25, 2}, Float.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model(12).fit(new ArrayDataset(bad, DATA.labels(), 10), QUIET));
        assertEquals("x of training batch 2 contains NaN at sample 5 (value 2 of that sample). Training on it would turn every weight"
                + " into NaN: remove those samples, or replace the values (e.g. with the feature's mean) first.", e.getMessage());
    }

    @Test
    void trainOnBatchIsFitsStepAndReportsTheLossBeforeTheUpdate() {
        Sequential stepped = model(13);
        double[] before = stepped.testOnBatch(DATA.x(), DATA.labels());
        Utils.setRandomSeed(13); // testOnBatch drew nothing; the dropout generator was made at build
        Sequential fitted = model(13);
        fitted.fit(DATA.x(), DATA.labels(), QUIET.withBatchSize(100));
        double[] result = stepped.trainOnBatch(DATA.x(), DATA.labels());
        assertEquals(Utils.fingerprint(fitted), Utils.fingerprint(stepped));
        assertEquals(2, result.length);
        assertEquals(fitted.evaluate(DATA.x(), DATA.labels()).length, result.length);
        assertTrue(result[0] > before[0] - 0.5 && result[0] < before[0] + 0.5, "dropout's training loss near the test loss");
        assertArrayEquals(floats(stepped.predict(DATA.x())), floats(stepped.predictOnBatch(DATA.x())));
        Map<String, Double> dict = stepped.evaluateDict(DATA.x(), DATA.labels(), 100, 0);
        assertArrayEquals(new double[] {dict.get("loss"), dict.get("acc")}, stepped.testOnBatch(DATA.x(), DATA.labels()));
    }
}
