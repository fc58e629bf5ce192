package io.github.keras4j.callbacks;

import io.github.keras4j.models.Sequential;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.keras4j.callbacks.CallbackTestModels.QUIET;
import static io.github.keras4j.callbacks.CallbackTestModels.X;
import static io.github.keras4j.callbacks.CallbackTestModels.Y;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LambdaCallbackTest {
    @Test
    void everyHookFiresInKerasOrder() {
        List<String> events = new ArrayList<>();
        Sequential model = CallbackTestModels.model(0.01);
        LambdaCallback cb = new LambdaCallback()
                .onTrainBegin(logs -> events.add("trainBegin"))
                .onEpochBegin((e, logs) -> events.add("epochBegin " + e))
                .onBatchBegin((b, logs) -> events.add("batchBegin " + b))
                .onBatchEnd((b, logs) -> events.add("batchEnd " + b + " " + logs.keySet()))
                .onEpochEnd((e, logs) -> events.add("epochEnd " + e + " " + logs.keySet()))
                .onTrainEnd(logs -> events.add("trainEnd " + logs.keySet()));
        model.fit(X, Y, QUIET.withBatchSize(8).withEpochs(2).withCallbacks(cb));
        assertEquals(List.of("trainBegin",
                "epochBegin 0", "batchBegin 0", "batchEnd 0 [loss]", "batchBegin 1", "batchEnd 1 [loss]", "epochEnd 0 [loss]",
                "epochBegin 1", "batchBegin 0", "batchEnd 0 [loss]", "batchBegin 1", "batchEnd 1 [loss]", "epochEnd 1 [loss]",
                "trainEnd [loss]"), events);
        assertSame(model, cb.model());
        assertEquals(new TrainingParams(2, 2, 0), cb.params());
    }

    @Test
    void validationCallsTheTestHooksAndACallbackCanStopTraining() {
        List<String> events = new ArrayList<>();
        Sequential model = CallbackTestModels.model(0.01);
        Callback cb = new Callback() {
            @Override
            public void onTestBegin(Map<String, Double> logs) {
                events.add("testBegin");
            }

            @Override
            public void onTestEnd(Map<String, Double> logs) {
                events.add("testEnd " + logs.keySet());
            }

            @Override
            public void onEpochEnd(int epoch, Map<String, Double> logs) {
                events.add("epochEnd " + logs.keySet());
                model().stopTraining(true);
            }
        };
        History h = model.fit(X, Y, QUIET.withEpochs(5).withValidationSplit(0.25).withCallbacks(cb));
        assertEquals(List.of("testBegin", "testEnd [loss]", "epochEnd [loss, val_loss]"), events);
        assertEquals(List.of(0), h.epoch(), "stopTraining(true) at the end of an epoch ends fit");
    }

    @Test
    void historyIsReadOnly() {
        History h = CallbackTestModels.model(0.01).fit(X, Y, QUIET.withEpochs(2));
        assertEquals(2, h.history().get("loss").size());
        assertThrows(UnsupportedOperationException.class, () -> h.history().get("loss").add(1.0));
        assertThrows(UnsupportedOperationException.class, () -> h.epoch().add(3));
        assertTrue(h.toString().startsWith("History{loss=["));
    }
}
