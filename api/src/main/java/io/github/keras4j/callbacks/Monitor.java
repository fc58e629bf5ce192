package io.github.keras4j.callbacks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Map;

/**
 * The monitored quantity of {@link EarlyStopping} and {@link ReduceLROnPlateau}: its name in the epoch
 * logs, whether lower or higher is better, and what counts as an improvement.
 *
 * <p>Mode {@code "auto"} chooses "higher is better" for names ending in {@code acc}, {@code accuracy}
 * or {@code auc} (with or without {@code val_}), and "lower is better" for everything else (losses,
 * {@code mse}, {@code mae}), as tf.keras 2 does.
 */
final class Monitor {
    private static final Logger LOG = LoggerFactory.getLogger(Monitor.class);

    private final String name;
    private final boolean higherIsBetter;
    private final double minDelta;

    Monitor(String owner, String name, String mode, double minDelta) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(owner + " monitor must name a log entry such as \"val_loss\", got '" + name + "'");
        }
        if (!(minDelta >= 0) || Double.isInfinite(Math.abs(minDelta))) {
            throw new IllegalArgumentException(owner + " minDelta must be a finite number >= 0, got " + minDelta);
        }
        String m = mode == null ? "" : mode.trim().toLowerCase(Locale.ROOT);
        switch (m) {
            case "min" -> higherIsBetter = false;
            case "max" -> higherIsBetter = true;
            case "auto" -> higherIsBetter = name.endsWith("acc") || name.endsWith("accuracy") || name.endsWith("auc");
            default -> throw new IllegalArgumentException(owner + " mode must be one of \"auto\", \"min\", \"max\", got '" + mode + "'");
        }
        this.name = name;
        this.minDelta = minDelta;
    }

    String name() {
        return name;
    }

    boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The monitored value in {@code logs}, or null (with a warning naming the available keys) when absent. */
    Double value(String owner, Map<String, Double> logs) {
        Double v = logs.get(name);
        if (v == null) {
            LOG.warn("{} is conditioned on '{}', which is not in the logs. Available: {}. Pass validation data to fit for val_"
                    + " entries, or monitor one of these.", owner, name, String.join(",", logs.keySet()));
        }
        return v;
    }

    /** True when {@code current} beats {@code reference} by more than minDelta; anything beats null. */
    boolean isImprovement(double current, Double reference) {
        if (reference == null) {
            return true;
        }
        return higherIsBetter ? current - minDelta > reference : current + minDelta < reference;
    }
}
