package io.github.keras4j.models;

import io.github.keras4j.SyntheticData;
import io.github.keras4j.callbacks.History;
import io.github.keras4j.callbacks.LambdaCallback;
import io.github.keras4j.engine.LayerStack;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.losses.MeanSquaredError;
import io.github.keras4j.optimizers.SGD;
import io.github.keras4j.utils.Utils;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

import static io.github.keras4j.SyntheticData.floats;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FitTest {
    private static final FitOptions QUIET = FitOptions.defaults().withVerbose(0);

    /** A linear model with fixed weights, so two copies train identically. */
    private static Sequential linear(float... kernel) {
        Sequential model = new Sequential(new Dense(1).inputShape(kernel.length));
        model.setWeights(List.of(Nd4j.create(kernel, new long[] {kernel.length, 1}, 'c'), Nd4j.zeros(DataType.FLOAT, 1)));
        model.compile(new SGD(0.05), "mse");
        return model;
    }

    @Test
    void historyHasKerasKeysInOrderOnePerEpoch() {
        var data = SyntheticData.blobs(60, 4, 3, 0.5, 1);
        INDArray y = Utils.toCategorical(data.labels(), 3);
        Sequential model = SyntheticData.classifier(4, 3);
        model.compile("adam", "categorical_crossentropy", "acc", "mse");
        History h = model.fit(data.x(), y, QUIET.withEpochs(3).withBatchSize(16)
                .withValidationData(Utils.take(data.x(), 10), Utils.take(y, 10)));
        assertEquals(List.of("loss", "acc", "mse", "val_loss", "val_acc", "val_mse"), List.copyOf(h.history().keySet()));
        h.history().values().forEach(v -> assertEquals(3, v.size()));
        assertEquals(List.of(0, 1, 2), h.epoch());
    }

    @Test
    void validationSplitHoldsOutTheLastFractionBeforeShuffling() {
        // The last 20 of 100 samples have labels unlike the others: validating on them differs from validating on any other rows.
        var data = SyntheticData.blobs(100, 4, 3, 0.5, 2);
        INDArray labels = data.labels().dup();
        for (int i = 80; i < 100; i++) {
            labels.putScalar(i, (labels.getFloat(i) + 1) % 3);
        }
        Sequential model = SyntheticData.classifier(4, 3);
        model.compile("adam", "sparse_categorical_crossentropy", "acc");
        List<Integer> batchesPerEpoch = new ArrayList<>();
        History h = model.fit(data.x(), labels, QUIET.withEpochs(2).withBatchSize(10).withValidationSplit(0.2)
                .withCallbacks(new LambdaCallback()
                        .onBatchEnd((b, logs) -> batchesPerEpoch.set(batchesPerEpoch.size() - 1, b + 1))
                        .onEpochBegin((e, logs) -> batchesPerEpoch.add(0))));
        double[] last20 = model.evaluate(Rows.view(data.x(), 80, 100), Rows.view(labels, 80, 100), 10);
        assertEquals(last20[0], h.history().get("val_loss").get(1), 1e-12, "validation ran on exactly the last 20 samples");
        assertEquals(last20[1], h.history().get("val_acc").get(1), 1e-12);
        assertEquals(List.of(8, 8), batchesPerEpoch, "training used the first 80 samples: 8 batches per epoch");
    }

    @Test
    void shuffleFalseTrainsOnBatchesInDataOrder() {
        var x = Nd4j.rand(DataType.FLOAT, 10, 2);
        var y = Nd4j.rand(DataType.FLOAT, 10, 1);
        Sequential model = linear(0.5f, -0.25f);
        model.fit(x, y, QUIET.withBatchSize(4).withShuffle(false));
        // Reference: the engine's step on rows 0-3, 4-7, 8-9 in order.
        Sequential ref = linear(0.5f, -0.25f);
        LayerStack stack = ref.stack();
        SGD sgd = new SGD(0.05);
        for (int[] r : new int[][] {{0, 4}, {4, 8}, {8, 10}}) {
            stack.trainStep(Rows.view(x, r[0], r[1]), Rows.view(y, r[0], r[1]), new MeanSquaredError(), sgd);
        }
        assertArrayEquals(floats(ref.getWeights().get(0)), floats(model.getWeights().get(0)));
        assertArrayEquals(floats(ref.getWeights().get(1)), floats(model.getWeights().get(1)));
    }

    @Test
    void shuffleChangesTheBatchesAndSoTheResult() {
        var x = Nd4j.rand(DataType.FLOAT, 40, 2);
        var y = Nd4j.rand(DataType.FLOAT, 40, 1);
        Sequential ordered = linear(0.5f, -0.25f);
        ordered.fit(x, y, QUIET.withBatchSize(4).withEpochs(2).withShuffle(false));
        Sequential shuffled = linear(0.5f, -0.25f);
        shuffled.fit(x, y, QUIET.withBatchSize(4).withEpochs(2).withShuffle(true));
        assertFalse(java.util.Arrays.equals(floats(ordered.getWeights().get(0)), floats(shuffled.getWeights().get(0))));
    }

    @Test
    void batchSizeOfAllSamplesIsFullBatchGradientDescent() {
        var x = Nd4j.rand(DataType.FLOAT, 12, 2);
        var y = Nd4j.rand(DataType.FLOAT, 12, 1);
        Sequential model = linear(0.5f, -0.25f);
        List<Integer> batches = new ArrayList<>();
        model.fit(x, y, QUIET.withBatchSize(12).withEpochs(3).withCallbacks(new LambdaCallback().onBatchEnd((b, l) -> batches.add(b))));
        assertEquals(List.of(0, 0, 0), batches, "one batch per epoch");
        Sequential ref = linear(0.5f, -0.25f);
        SGD sgd = new SGD(0.05);
        for (int e = 0; e < 3; e++) {
            ref.stack().trainStep(x, y, new MeanSquaredError(), sgd);
        }
        assertArrayEquals(floats(ref.getWeights().get(0)), floats(model.getWeights().get(0)));
    }

    @Test
    void epochLossIsTheBatchSizeWeightedMeanOfBatchLosses() {
        // With a vanishing learning rate the weights do not move, so each batch loss is known in advance.
        float[][] xs = {{1}, {1}, {1}, {1}, {1}, {1}, {1}, {1}, {1}, {1}};
        float[][] ys = {{1}, {1}, {1}, {1}, {1}, {1}, {1}, {1}, {5}, {5}};
        Sequential model = new Sequential(new Dense(1).inputShape(1));
        model.setWeights(List.of(Nd4j.ones(DataType.FLOAT, 1, 1), Nd4j.zeros(DataType.FLOAT, 1)));
        model.compile(new SGD(1e-30), "mse");
        History h = model.fit(Nd4j.createFromArray(xs), Nd4j.createFromArray(ys), QUIET.withBatchSize(4).withShuffle(false));
        // Batches: [0,0,0,0], [0,0,0,0], [16,16] -> losses 0, 0, 16; weighted (0*4 + 0*4 + 16*2) / 10 = 3.2, unweighted 5.33.
        assertEquals(3.2, h.history().get("loss").get(0), 1e-9);
    }

    @Test
    void initialEpochResumesTheNumberingAndHistory() {
        var x = Nd4j.rand(DataType.FLOAT, 8, 2);
        var y = Nd4j.rand(DataType.FLOAT, 8, 1);
        Sequential model = linear(0.5f, -0.25f);
        List<Integer> begun = new ArrayList<>();
        History h = model.fit(x, y, QUIET.withEpochs(5).withInitialEpoch(2).withCallbacks(
                new LambdaCallback().onEpochBegin((e, logs) -> begun.add(e))));
        assertEquals(List.of(2, 3, 4), begun);
        assertEquals(List.of(2, 3, 4), h.epoch());
        assertEquals(3, h.history().get("loss").size());
        assertEquals(List.of(), model.fit(x, y, QUIET.withEpochs(2).withInitialEpoch(2)).epoch(), "nothing left to train");
    }

    @Test
    void evaluateReturnsLossAndMetricsInCompileOrderMatchingPredict() {
        var data = SyntheticData.blobs(50, 3, 4, 1.0, 3);
        INDArray oneHot = Utils.toCategorical(data.labels(), 4);
        Sequential model = SyntheticData.classifier(3, 4);
        model.compile("adam", "categorical_crossentropy", "acc", "mae");
        double[] score = model.evaluate(data.x(), oneHot, 7);
        assertEquals(3, score.length);
        double[] p = toDoubles(floats(model.predict(data.x())));
        double[] t = toDoubles(floats(oneHot));
        double ce = 0, correct = 0, mae = 0;
        for (int i = 0; i < 50; i++) {
            int best = 0;
            for (int j = 0; j < 4; j++) {
                best = p[i * 4 + j] > p[i * 4 + best] ? j : best;
                mae += Math.abs(t[i * 4 + j] - p[i * 4 + j]) / 4;
                ce -= t[i * 4 + j] * Math.log(Math.min(Math.max(p[i * 4 + j], 1e-7), 1 - 1e-7));
            }
            correct += t[i * 4 + best];
        }
        assertEquals(ce / 50, score[0], 1e-5);
        assertEquals(correct / 50, score[1], 1e-12);
        assertEquals(mae / 50, score[2], 1e-6);
    }

    @Test
    void regularizationPenaltiesAreInTheTrainingAndEvaluationLoss() {
        var x = Nd4j.rand(DataType.FLOAT, 8, 2);
        var y = Nd4j.rand(DataType.FLOAT, 8, 1);
        Sequential plain = new Sequential(new Dense(1).inputShape(2));
        Sequential penalised = new Sequential(new Dense(1).kernelRegularizer(io.github.keras4j.regularizers.Regularizers.l2(0.5)).inputShape(2));
        List<INDArray> w = List.of(Nd4j.createFromArray(new float[][] {{1}, {2}}), Nd4j.zeros(DataType.FLOAT, 1));
        plain.setWeights(w);
        penalised.setWeights(w);
        plain.compile(new SGD(1e-30), "mse");
        penalised.compile(new SGD(1e-30), "mse");
        assertEquals(plain.evaluate(x, y)[0] + 0.5 * 5, penalised.evaluate(x, y)[0], 1e-5);
        double trainPlain = plain.fit(x, y, QUIET).history().get("loss").get(0);
        double trainPenalised = penalised.fit(x, y, QUIET).history().get("loss").get(0);
        assertEquals(trainPlain + 2.5, trainPenalised, 1e-5);
    }

    @Test
    void predictRunsInBatchesWithoutDropoutAndMatchesOneBigBatch() {
        Sequential model = new Sequential(new Dense(8, "relu").inputShape(3), new io.github.keras4j.layers.Dropout(0.5), new Dense(2));
        INDArray x = Nd4j.rand(DataType.FLOAT, 70, 3);
        INDArray batched = model.predict(x);
        // Equal up to rounding: BLAS may sum in another order for another number of rows.
        assertArrayEquals(floats(batched), floats(model.predict(x, 70)), 1e-6f);
        assertArrayEquals(floats(batched), floats(model.predict(x, 1)), 1e-6f);
        assertArrayEquals(floats(batched), floats(model.predict(x)), 0f, "the same batches give the same values");
        assertArrayEquals(new long[] {70, 2}, batched.shape());
    }

    @Test
    void dataOfOtherTypesAndLayoutsIsConvertedOnce() {
        var data = SyntheticData.blobs(30, 3, 3, 0.5, 4);
        Sequential model = SyntheticData.classifier(3, 3);
        model.compile("adam", "sparse_categorical_crossentropy", "acc");
        INDArray xF = data.x().castTo(DataType.DOUBLE).dup('f');
        INDArray yInt = data.labels().castTo(DataType.INT32);
        History h = model.fit(xF, yInt, QUIET.withEpochs(2));
        assertEquals(2, h.history().get("acc").size());
        assertArrayEquals(floats(model.predict(data.x())), floats(model.predict(xF)));
    }

    @Test
    void verboseOnePrintsToSystemOutByDefault() {
        var x = Nd4j.rand(DataType.FLOAT, 8, 2);
        var y = Nd4j.rand(DataType.FLOAT, 8, 1);
        Sequential model = linear(0.5f, -0.25f);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.out;
        System.setOut(new java.io.PrintStream(bytes, true));
        try {
            model.fit(x, y, FitOptions.defaults().withEpochs(2));
            model.fit(x, y, QUIET.withEpochs(2));
        } finally {
            System.setOut(old);
        }
        String out = bytes.toString();
        assertTrue(out.startsWith("Epoch 1/2"), out);
        assertEquals(2, out.lines().filter(l -> l.contains("1/1 [==============================]")).count(), out);
        assertNotEquals(-1, out.indexOf("Epoch 2/2"));
    }

    static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
