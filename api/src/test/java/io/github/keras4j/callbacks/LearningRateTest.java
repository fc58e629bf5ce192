package io.github.keras4j.callbacks;

import io.github.keras4j.layers.Dense;
import io.github.keras4j.models.Sequential;
import io.github.keras4j.optimizers.SGD;
import io.github.keras4j.optimizers.schedules.ExponentialDecay;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.github.keras4j.callbacks.CallbackTestModels.QUIET;
import static io.github.keras4j.callbacks.CallbackTestModels.X;
import static io.github.keras4j.callbacks.CallbackTestModels.Y;
import static io.github.keras4j.callbacks.CallbackTestModels.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LearningRateTest {
    @Test
    void schedulerSetsTheRateEachEpochAndLogsItAsLr() {
        Sequential model = CallbackTestModels.model(0.5);
        List<Double> seenByTraining = new ArrayList<>();
        LambdaCallback probe = new LambdaCallback().onBatchBegin((b, logs) -> {
            if (b == 0) {
                seenByTraining.add(model.optimizer().learningRate());
            }
        });
        History h = model.fit(X, Y, QUIET.withEpochs(3).withCallbacks(
                new LearningRateScheduler((epoch, lr) -> epoch == 0 ? 0.1 : lr / 2), probe));
        assertEquals(List.of(0.1, 0.05, 0.025), seenByTraining, "the optimizer used the scheduled rate");
        assertEquals(List.of(0.1, 0.05, 0.025), h.history().get("lr"));
        assertEquals(List.of("loss", "lr"), List.copyOf(h.history().keySet()));
        assertEquals("lr", LearningRateScheduler.LOG_KEY);
    }

    @Test
    void aScheduleReturningAnInvalidRateIsReported() {
        Sequential model = CallbackTestModels.model(0.5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.fit(X, Y, QUIET.withEpochs(2)
                .withCallbacks(new LearningRateScheduler((epoch, lr) -> epoch - 1.0))));
        assertEquals("LearningRateScheduler: the schedule returned -1.0 for epoch 0; a learning rate must be a finite number > 0.",
                e.getMessage());
    }

    @Test
    void reduceOnPlateauDefaultsAreKeras() {
        assertEquals("val_loss", ReduceLROnPlateau.DEFAULT_MONITOR);
        assertEquals(0.1, ReduceLROnPlateau.DEFAULT_FACTOR);
        assertEquals(10, ReduceLROnPlateau.DEFAULT_PATIENCE);
        assertEquals("auto", ReduceLROnPlateau.DEFAULT_MODE);
        assertEquals(1e-4, ReduceLROnPlateau.DEFAULT_MIN_DELTA);
        assertEquals(0, ReduceLROnPlateau.DEFAULT_COOLDOWN);
        assertEquals(0, ReduceLROnPlateau.DEFAULT_MIN_LR);
    }

    @Test
    void reduceOnPlateauCutsTheRateAfterPatienceEpochsWithoutImprovement() {
        Sequential model = CallbackTestModels.model(0.4);
        History h = model.fit(X, Y, QUIET.withEpochs(6).withCallbacks(script("score", 1.0, 0.5, 0.5, 0.5, 0.5, 0.5),
                new ReduceLROnPlateau("score", 0.5, 2).minLr(0.15)));
        // improvements at epochs 0 and 1; no improvement at 2, 3 -> cut at the end of 3; at 4, 5 -> cut again, to the minimum.
        assertEquals(List.of(0.4, 0.4, 0.4, 0.4, 0.2, 0.2), h.history().get("lr"), "the rate in use during each epoch");
        assertEquals(0.15, model.optimizer().learningRate(), 1e-12);
    }

    @Test
    void reduceOnPlateauCooldownWaitsBeforeCountingAgain() {
        Sequential model = CallbackTestModels.model(0.8);
        model.fit(X, Y, QUIET.withEpochs(5).withCallbacks(script("score", 1, 1, 1, 1, 1),
                new ReduceLROnPlateau("score", 0.5, 1).cooldown(2)));
        // Cut at the end of epoch 1; the cooldown counts down at epochs 2 and 3 (reaching 0 at 3, as in Keras), so
        // the next cut is at 3. Without the cooldown every epoch from 1 on would cut: 0.8 / 16.
        assertEquals(0.2, model.optimizer().learningRate(), 1e-12);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ReduceLROnPlateau().factor(1.0)).getMessage()
                .equals("ReduceLROnPlateau factor must be in (0, 1), got 1.0"));
    }

    /** Keras raises when a callback sets the rate of a schedule-driven optimizer; keras4j does so before the first epoch. */
    @Test
    void callbacksRefuseAnOptimizerDrivenByASchedule() {
        for (Callback callback : List.<Callback>of(new LearningRateScheduler((epoch, lr) -> lr / 2), new ReduceLROnPlateau("loss", 0.5, 1))) {
            Sequential model = new Sequential(new Dense(1).inputShape(3));
            model.compile(new SGD(new ExponentialDecay(0.1, 10, 0.5)), "mse");
            String name = callback.getClass().getSimpleName();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> model.fit(X, Y, QUIET.withEpochs(2).withCallbacks(callback)));
            assertEquals(name + " cannot change the learning rate of SGD: it comes from the schedule ExponentialDecay. Use the schedule or"
                    + " the callback, not both: to let the callback set the rate, create the optimizer with a number, e.g. new SGD(0.001).",
                    e.getMessage());
            assertEquals(0, model.optimizer().iterations(), name + ": no step was taken");
        }
    }

    @Test
    void aScheduleSetsTheRateOfEveryStepDuringFit() {
        Sequential model = new Sequential(new Dense(1).inputShape(3));
        ExponentialDecay decay = new ExponentialDecay(0.1, 4, 0.5);
        model.compile(new SGD(decay), "mse");
        List<Double> seen = new ArrayList<>();
        model.fit(X, Y, QUIET.withEpochs(2).withCallbacks(new LambdaCallback().onBatchBegin((b, logs) -> seen.add(model.optimizer().learningRate()))));
        // 16 samples in batches of 4: steps 0..7, the rate halving every 4 steps, smoothly.
        assertEquals(8, model.optimizer().iterations());
        for (int step = 0; step < 8; step++) {
            assertEquals(0.1 * Math.pow(0.5, step / 4.0), seen.get(step), 1e-15, "step " + step);
        }
    }
}
