package io.github.keras4j.callbacks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records the logs of every epoch (Keras' {@code History}); {@code fit} always adds one, last in the
 * callback list, and returns it.
 *
 * <p>Keys keep the order in which they first appeared: {@code loss}, the metrics in compile order,
 * {@code val_loss}, {@code val_<metric>}, then whatever callbacks added (such as {@code lr}).
 */
public class History extends Callback {
    private final Map<String, List<Double>> history = new LinkedHashMap<>();
    private final List<Integer> epoch = new ArrayList<>();

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        epoch.clear();
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        this.epoch.add(epoch);
        for (Map.Entry<String, Double> e : logs.entrySet()) {
            history.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        }
    }

    /** One list per log key, one value per epoch (Keras' {@code history.history}); read-only. */
    public Map<String, List<Double>> history() {
        Map<String, List<Double>> view = new LinkedHashMap<>();
        history.forEach((k, v) -> view.put(k, Collections.unmodifiableList(v)));
        return Collections.unmodifiableMap(view);
    }

    /** The epochs recorded, numbered from 0 as in Keras (from {@code initialEpoch} when resuming). */
    public List<Integer> epoch() {
        return Collections.unmodifiableList(epoch);
    }

    @Override
    public String toString() {
        return "History" + history;
    }
}
