package io.github.keras4j.callbacks;

import io.github.keras4j.models.Sequential;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;

import static io.github.keras4j.SyntheticData.floats;
import static io.github.keras4j.callbacks.CallbackTestModels.QUIET;
import static io.github.keras4j.callbacks.CallbackTestModels.X;
import static io.github.keras4j.callbacks.CallbackTestModels.Y;
import static io.github.keras4j.callbacks.CallbackTestModels.script;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EarlyStoppingTest {
    @Test
    void defaultsAreKeras() {
        assertEquals("val_loss", EarlyStopping.DEFAULT_MONITOR);
        assertEquals(0, EarlyStopping.DEFAULT_MIN_DELTA);
        assertEquals(0, EarlyStopping.DEFAULT_PATIENCE);
        assertEquals("auto", EarlyStopping.DEFAULT_MODE);
    }

    @Test
    void stopsAfterPatienceEpochsWithoutImprovementAndRestoresTheBestWeights() {
        Sequential model = CallbackTestModels.model(0.1);
        List<List<INDArray>> weights = new ArrayList<>();
        LambdaCallback record = new LambdaCallback().onEpochEnd((e, logs) -> weights.add(model.getWeights()));
        EarlyStopping stop = new EarlyStopping("score", 2).restoreBestWeights(true);
        // score improves until epoch 1, then gets worse: with patience 2 training stops at the end of epoch 3.
        History h = model.fit(X, Y, QUIET.withEpochs(10).withCallbacks(script("score", 5, 3, 4, 6, 7, 8, 9, 9, 9, 9), record, stop));
        assertEquals(List.of(0, 1, 2, 3), h.epoch());
        assertEquals(3, stop.stoppedEpoch());
        assertEquals(1, stop.bestEpoch());
        assertEquals(3.0, stop.best());
        List<INDArray> restored = model.getWeights();
        for (int i = 0; i < restored.size(); i++) {
            assertArrayEquals(floats(weights.get(1).get(i)), floats(restored.get(i)), "weights of the best epoch");
        }
        assertFalse(java.util.Arrays.equals(floats(weights.get(3).get(0)), floats(restored.get(0))), "not the last epoch's weights");
    }

    @Test
    void withoutRestoreTheLastWeightsStay() {
        Sequential model = CallbackTestModels.model(0.1);
        List<List<INDArray>> weights = new ArrayList<>();
        LambdaCallback record = new LambdaCallback().onEpochEnd((e, logs) -> weights.add(model.getWeights()));
        model.fit(X, Y, QUIET.withEpochs(10).withCallbacks(script("score", 5, 3, 4, 6, 7, 8, 9, 9, 9, 9), record,
                new EarlyStopping("score", 2)));
        assertArrayEquals(floats(weights.get(3).get(0)), floats(model.getWeights().get(0)));
    }

    @Test
    void modeMaxMinDeltaAndBaseline() {
        // acc is maximised in auto mode; gains below minDelta do not count.
        History h = CallbackTestModels.model(0.1).fit(X, Y, QUIET.withEpochs(10).withCallbacks(
                script("val_acc", 0.5, 0.6, 0.605, 0.609, 0.7, 0.8, 0.9, 1, 1, 1), new EarlyStopping("val_acc", 2).minDelta(0.01)));
        assertEquals(4, h.epoch().size(), "0.605 and 0.609 are not improvements on 0.6 by more than 0.01");
        // Not beating the baseline: the wait is not reset, so training stops after patience epochs.
        h = CallbackTestModels.model(0.1).fit(X, Y, QUIET.withEpochs(10).withCallbacks(
                script("score", 5, 5, 5, 5, 5, 5, 5, 5, 5, 5), new EarlyStopping("score", 1).mode("min").baseline(0.5)));
        assertEquals(2, h.epoch().size());
        // Improving epochs never stop training (Keras 3); once below the baseline, the wait restarts.
        h = CallbackTestModels.model(0.1).fit(X, Y, QUIET.withEpochs(10).withCallbacks(
                script("score", 5, 4, 3, 2, 1, 0, 0, 0, 0, 0), new EarlyStopping("score", 1).mode("min").baseline(0.5)));
        assertEquals(7, h.epoch().size());
    }

    @Test
    void invalidSettingsAreRefused() {
        assertEquals("EarlyStopping mode must be one of \"auto\", \"min\", \"max\", got 'best'",
                assertThrows(IllegalArgumentException.class, () -> new EarlyStopping().mode("best")).getMessage());
        assertEquals("EarlyStopping patience is a number of epochs >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> new EarlyStopping().patience(-1)).getMessage());
    }
}
