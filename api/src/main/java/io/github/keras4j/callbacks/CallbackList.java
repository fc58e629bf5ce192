package io.github.keras4j.callbacks;

import io.github.keras4j.models.Sequential;

import java.util.List;
import java.util.Map;

/** Calls each hook on every callback, in order (Keras' {@code CallbackList}). */
public final class CallbackList {
    private final List<Callback> callbacks;

    /** Hands {@code model} and {@code params} to every callback. */
    public CallbackList(List<Callback> callbacks, Sequential model, TrainingParams params) {
        this.callbacks = List.copyOf(callbacks);
        for (Callback c : this.callbacks) {
            c.setModel(model);
            c.setParams(params);
        }
    }

    public List<Callback> callbacks() {
        return callbacks;
    }

    public void onTrainBegin(Map<String, Double> logs) {
        callbacks.forEach(c -> c.onTrainBegin(logs));
    }

    public void onTrainEnd(Map<String, Double> logs) {
        callbacks.forEach(c -> c.onTrainEnd(logs));
    }

    public void onEpochBegin(int epoch, Map<String, Double> logs) {
        callbacks.forEach(c -> c.onEpochBegin(epoch, logs));
    }

    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        callbacks.forEach(c -> c.onEpochEnd(epoch, logs));
    }

    // The per-batch hooks loop by index: a capturing lambda per batch would be garbage on every step.
    public void onTrainBatchBegin(int batch, Map<String, Double> logs) {
        for (int i = 0; i < callbacks.size(); i++) {
            callbacks.get(i).onTrainBatchBegin(batch, logs);
        }
    }

    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        for (int i = 0; i < callbacks.size(); i++) {
            callbacks.get(i).onTrainBatchEnd(batch, logs);
        }
    }

    public void onTestBegin(Map<String, Double> logs) {
        callbacks.forEach(c -> c.onTestBegin(logs));
    }

    public void onTestEnd(Map<String, Double> logs) {
        callbacks.forEach(c -> c.onTestEnd(logs));
    }

    public void onTestBatchBegin(int batch, Map<String, Double> logs) {
        callbacks.forEach(c -> c.onTestBatchBegin(batch, logs));
    }

    public void onTestBatchEnd(int batch, Map<String, Double> logs) {
        callbacks.forEach(c -> c.onTestBatchEnd(batch, logs));
    }

    public void onPredictBegin(Map<String, Double> logs) {
        callbacks.forEach(c -> c.onPredictBegin(logs));
    }

    public void onPredictEnd(Map<String, Double> logs) {
        callbacks.forEach(c -> c.onPredictEnd(logs));
    }

    public void onPredictBatchBegin(int batch, Map<String, Double> logs) {
        callbacks.forEach(c -> c.onPredictBatchBegin(batch, logs));
    }

    public void onPredictBatchEnd(int batch, Map<String, Double> logs) {
        callbacks.forEach(c -> c.onPredictBatchEnd(batch, logs));
    }
}
