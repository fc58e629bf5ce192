package io.github.keras4j.callbacks;

import io.github.keras4j.models.Sequential;

import java.util.Map;

/**
 * Keras' {@code Callback}: override the hooks you need; all do nothing by default.
 *
 * <p>Epoch and batch numbers start at 0, as in Keras. {@code logs} maps names to values: in
 * {@link #onTrainBatchEnd} the running loss and metrics of the epoch so far; in {@link #onEpochEnd} the
 * epoch's {@code loss}, metrics and, with validation data, {@code val_loss} and {@code val_<metric>}.
 * The map is mutable and shared along the callback list, so a callback may add entries for the ones
 * after it (as {@link LearningRateScheduler} adds {@code lr}). Set {@code model().stopTraining(true)} to
 * end training.
 */
public abstract class Callback {
    private Sequential model;
    private TrainingParams params;

    /** Called by fit, evaluate and predict before the first hook. */
    public void setModel(Sequential model) {
        this.model = model;
    }

    /** The model being trained, evaluated or run; null before {@link #setModel}. */
    public Sequential model() {
        return model;
    }

    /** Called by fit, evaluate and predict before the first hook. */
    public void setParams(TrainingParams params) {
        this.params = params;
    }

    public TrainingParams params() {
        return params;
    }

    public void onTrainBegin(Map<String, Double> logs) {
    }

    public void onTrainEnd(Map<String, Double> logs) {
    }

    public void onEpochBegin(int epoch, Map<String, Double> logs) {
    }

    public void onEpochEnd(int epoch, Map<String, Double> logs) {
    }

    public void onTrainBatchBegin(int batch, Map<String, Double> logs) {
    }

    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    }

    public void onTestBegin(Map<String, Double> logs) {
    }

    public void onTestEnd(Map<String, Double> logs) {
    }

    public void onTestBatchBegin(int batch, Map<String, Double> logs) {
    }

    public void onTestBatchEnd(int batch, Map<String, Double> logs) {
    }

    public void onPredictBegin(Map<String, Double> logs) {
    }

    public void onPredictEnd(Map<String, Double> logs) {
    }

    public void onPredictBatchBegin(int batch, Map<String, Double> logs) {
    }

    public void onPredictBatchEnd(int batch, Map<String, Double> logs) {
    }
}
