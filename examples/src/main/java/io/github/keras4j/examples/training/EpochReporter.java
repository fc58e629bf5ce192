package io.github.keras4j.examples.training;

import io.github.keras4j.callbacks.Callback;
import io.github.keras4j.examples.experiments.EpochListener;
import io.github.keras4j.examples.experiments.EpochResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Keras callback that hands every finished epoch to the runner's {@link EpochListener}: the epoch's
 * {@code loss}, {@code acc} (or {@code accuracy}), {@code val_loss}, {@code val_acc} and its wall-clock seconds.
 * A value the logs lack (no accuracy metric, no validation data) is reported as NaN.
 */
public final class EpochReporter extends Callback {
    private final EpochListener listener;
    private final List<EpochResult> epochs = new ArrayList<>();
    private long epochStart;

    public EpochReporter(EpochListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("EpochReporter needs a listener, got null");
        }
        this.listener = listener;
    }

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
        epochStart = System.nanoTime();
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        double seconds = (System.nanoTime() - epochStart) / 1e9;
        EpochResult r = new EpochResult(epoch + 1, value(logs, "loss"), accuracy(logs, ""),
                value(logs, "val_loss"), accuracy(logs, "val_"), seconds);
        epochs.add(r);
        listener.onEpochEnd(r);
    }

    /** The epochs reported so far, in order. */
    public List<EpochResult> epochs() {
        return List.copyOf(epochs);
    }

    static double accuracy(Map<String, Double> logs, String prefix) {
        double acc = value(logs, prefix + "acc");
        return Double.isNaN(acc) ? value(logs, prefix + "accuracy") : acc;
    }

    private static double value(Map<String, Double> logs, String key) {
        Double v = logs == null ? null : logs.get(key);
        return v == null ? Double.NaN : v;
    }
}
