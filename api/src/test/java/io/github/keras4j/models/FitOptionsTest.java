package io.github.keras4j.models;

import io.github.keras4j.callbacks.TerminateOnNaN;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FitOptionsTest {
    @Test
    void defaultsAreKeras() {
        assertEquals(32, FitOptions.DEFAULT_BATCH_SIZE);
        assertEquals(1, FitOptions.DEFAULT_EPOCHS);
        assertEquals(1, FitOptions.DEFAULT_VERBOSE);
        assertTrue(FitOptions.DEFAULT_SHUFFLE);
        assertEquals(0.0, FitOptions.DEFAULT_VALIDATION_SPLIT);
        assertEquals(0, FitOptions.DEFAULT_INITIAL_EPOCH);
        FitOptions d = FitOptions.defaults();
        assertEquals(32, d.batchSize());
        assertEquals(1, d.epochs());
        assertEquals(1, d.verbose());
        assertTrue(d.shuffle());
        assertEquals(0.0, d.validationSplit());
        assertEquals(0, d.initialEpoch());
        assertEquals(List.of(), d.callbacks());
        assertNull(d.validationX());
        assertFalse(d.hasValidationData());
        assertEquals(0, FitOptions.ALL_STEPS); // Keras' steps_per_epoch=None
        assertEquals(1, FitOptions.DEFAULT_VALIDATION_FREQ); // Keras' validation_freq=1
        assertEquals(FitOptions.ALL_STEPS, d.stepsPerEpoch());
        assertEquals(FitOptions.DEFAULT_VALIDATION_FREQ, d.validationFreq());
        assertNull(d.validationDataset());
    }

    @Test
    void aValidationDatasetAndValidationArraysReplaceEachOther() {
        var x = Nd4j.zeros(DataType.FLOAT, 4, 2);
        var dataset = new io.github.keras4j.data.ArrayDataset(x, x, 2);
        FitOptions withDataset = FitOptions.defaults().withValidationData(x, x).withValidationData(dataset);
        assertSame(dataset, withDataset.validationDataset());
        assertNull(withDataset.validationX());
        assertTrue(withDataset.hasValidationData());
        FitOptions withArrays = withDataset.withValidationData(x, x);
        assertNull(withArrays.validationDataset());
        assertSame(x, withArrays.validationX());
        assertEquals(3, withArrays.withStepsPerEpoch(3).stepsPerEpoch());
        assertEquals(2, withArrays.withValidationFreq(2).validationFreq());
    }

    @Test
    void withCopiesLeaveTheOriginalUnchanged() {
        FitOptions d = FitOptions.defaults();
        TerminateOnNaN t = new TerminateOnNaN();
        var x = Nd4j.rand(DataType.FLOAT, 2, 2);
        FitOptions o = d.withBatchSize(8).withEpochs(3).withVerbose(2).withShuffle(false).withValidationSplit(0.2)
                .withCallbacks(t).withInitialEpoch(1).withValidationData(x, x);
        assertEquals(32, d.batchSize());
        assertEquals(8, o.batchSize());
        assertEquals(3, o.epochs());
        assertEquals(2, o.verbose());
        assertFalse(o.shuffle());
        assertEquals(0.2, o.validationSplit());
        assertEquals(List.of(t), o.callbacks());
        assertEquals(1, o.initialEpoch());
        assertSame(x, o.validationX());
        assertTrue(o.toString().contains("validationData=(2, 2), (2, 2)"), o.toString());
    }

    @Test
    void invalidHyperparametersEchoTheValue() {
        FitOptions d = FitOptions.defaults();
        assertEquals("batchSize must be >= 1, got 0. Use the number of samples for full-batch gradient descent.",
                assertThrows(IllegalArgumentException.class, () -> d.withBatchSize(0)).getMessage());
        assertEquals("epochs must be >= 0, got -1. It is the number of the last epoch to train, e.g. withEpochs(10).",
                assertThrows(IllegalArgumentException.class, () -> d.withEpochs(-1)).getMessage());
        assertEquals("validationSplit is the fraction of samples held out and must be in [0, 1), got 1.0. For example 0.2 holds out the"
                        + " last 20% of the samples; 0 holds out none.",
                assertThrows(IllegalArgumentException.class, () -> d.withValidationSplit(1.0)).getMessage());
        assertEquals("validationSplit is the fraction of samples held out and must be in [0, 1), got -0.1. For example 0.2 holds out the"
                        + " last 20% of the samples; 0 holds out none.",
                assertThrows(IllegalArgumentException.class, () -> d.withValidationSplit(-0.1)).getMessage());
        assertEquals("validationSplit is the fraction of samples held out and must be in [0, 1), got NaN. For example 0.2 holds out the"
                        + " last 20% of the samples; 0 holds out none.",
                assertThrows(IllegalArgumentException.class, () -> d.withValidationSplit(Double.NaN)).getMessage());
        assertEquals("verbose must be 0 (silent), 1 (progress bar) or 2 (one line per epoch), got 3",
                assertThrows(IllegalArgumentException.class, () -> d.withVerbose(3)).getMessage());
        assertEquals("initialEpoch must be >= 0, got -2. It is the epoch to resume from: 0 for a new run.",
                assertThrows(IllegalArgumentException.class, () -> d.withInitialEpoch(-2)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.withValidationData(null, Nd4j.rand(DataType.FLOAT, 2, 2)));
    }

    @Test
    void fitWithBatchSizeAndEpochsValidatesThemToo() {
        Sequential model = new Sequential(new io.github.keras4j.layers.Dense(1).inputShape(1));
        model.compile("sgd", "mse");
        var x = Nd4j.rand(DataType.FLOAT, 4, 1);
        assertEquals("batchSize must be >= 1, got -5. Use the number of samples for full-batch gradient descent.",
                assertThrows(IllegalArgumentException.class, () -> model.fit(x, x, -5, 1)).getMessage());
        assertEquals("evaluate: batchSize must be >= 1, got 0. It is the number of samples computed at once and changes nothing else;"
                + " leave it out to use 32.", assertThrows(IllegalArgumentException.class, () -> model.evaluate(x, x, 0)).getMessage());
        assertEquals("predict: batchSize must be >= 1, got -1. It is the number of samples computed at once and changes nothing else;"
                + " leave it out to use 32.", assertThrows(IllegalArgumentException.class, () -> model.predict(x, -1)).getMessage());
    }
}
