package io.github.keras4j.callbacks;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * tf.keras 2's progress bar, for one epoch (or one evaluate/predict run) of {@code target} steps:
 * <pre>
 *  192/1875 [==&gt;...........................] - ETA: 1s - loss: 0.6105 - acc: 0.8381     (running)
 * 1875/1875 [==============================] - 3s 1ms/step - loss: 0.2646 - acc: 0.9185 (finished)
 * 1875/1875 - 3s - loss: 0.2646 - acc: 0.9185 - 3s/epoch - 1ms/step                    (verbose 2)
 * </pre>
 * With a dynamic display (a terminal) running lines redraw in place after a carriage return, at most
 * every {@link #INTERVAL_NANOS} ns; otherwise only finished lines are printed. The values are printed
 * as given (fit already hands over epoch means) with 4 decimals, or in scientific notation below 1e-3.
 */
final class Progbar {
    /** Width of the bar between the brackets, in characters. */
    static final int WIDTH = 30;
    /** Minimum time between two redraws of a running line: 0.05 s, as in Keras. */
    static final long INTERVAL_NANOS = 50_000_000L;

    private final int target;
    private final int verbose;
    private final boolean dynamic;
    private final PrintStream out;
    private final LongSupplier clock;
    private final long start;
    private long lastUpdate;
    private boolean drawn;
    private int previousWidth;
    private long timeAfterFirstStep = -1;

    Progbar(int target, int verbose, boolean dynamic, PrintStream out, LongSupplier nanoClock) {
        this.target = Math.max(target, 1);
        this.verbose = verbose;
        this.dynamic = dynamic;
        this.out = out;
        this.clock = nanoClock;
        this.start = nanoClock.getAsLong();
    }

    /** Shows progress at step {@code current} (1-based); {@code finalize} ends the line. */
    void update(int current, Map<String, Double> values, boolean finalize) {
        long now = clock.getAsLong();
        if (verbose == 1) {
            if (!finalize && (!dynamic || (drawn && now - lastUpdate < INTERVAL_NANOS))) {
                return;
            }
            lastUpdate = now;
            drawn = true;
            double perStep = stepSeconds(current, now);
            StringBuilder line = new StringBuilder(bar(current));
            if (finalize) {
                line.append(" - ").append(wholeSeconds(now - start)).append('s').append(formatTime(perStep, "step"));
            } else {
                line.append(" - ETA: ").append(eta(perStep * (target - current)));
            }
            appendValues(line, values);
            int width = line.length();
            if (width < previousWidth) {
                line.append(" ".repeat(previousWidth - width)); // erase the tail of a longer previous line
            }
            previousWidth = width;
            out.print((dynamic ? "\r" : "") + line + (finalize ? System.lineSeparator() : ""));
            out.flush();
        } else if (verbose == 2 && finalize) {
            double seconds = (now - start) / 1e9;
            StringBuilder line = new StringBuilder(count(current)).append(" - ").append(wholeSeconds(now - start)).append('s');
            appendValues(line, values);
            line.append(" -").append(formatTime(seconds, "epoch")).append(" -").append(formatTime(seconds / current, "step"));
            out.println(line);
            out.flush();
        }
    }

    /** {@code  192/1875 [==>.....]}: the count right-aligned to the target's width, then the bar. */
    String bar(int current) {
        StringBuilder bar = new StringBuilder(count(current)).append(" [");
        int done = (int) (WIDTH * ((double) current / target));
        if (done > 0) {
            bar.append("=".repeat(done - 1)).append(current < target ? '>' : '=');
        }
        return bar.append(".".repeat(WIDTH - done)).append(']').toString();
    }

    private String count(int current) {
        int digits = String.valueOf(target).length();
        return String.format(Locale.ROOT, "%" + digits + "d/%d", current, target);
    }

    /** Seconds per step; ignores the first (usually slower) step once there are others, as Keras does. */
    private double stepSeconds(int current, long now) {
        if (current <= 0) {
            return 0;
        }
        double perStep = timeAfterFirstStep >= 0 && current > 1
                ? (now - timeAfterFirstStep) / 1e9 / (current - 1) : (now - start) / 1e9 / current;
        if (current == 1) {
            timeAfterFirstStep = now;
        }
        return perStep;
    }

    static void appendValues(StringBuilder line, Map<String, Double> values) {
        for (Map.Entry<String, Double> e : values.entrySet()) {
            line.append(" - ").append(e.getKey()).append(": ").append(formatValue(e.getValue()));
        }
    }

    /** {@code %.4f}, or {@code %.4e} for magnitudes up to 1e-3; Python's spelling of NaN and infinity. */
    static String formatValue(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, Math.abs(v) > 1e-3 ? "%.4f" : "%.4e", v);
    }

    /** {@code " 1ms/step"}: whole seconds, milliseconds or microseconds per unit. */
    static String formatTime(double seconds, String unit) {
        if (seconds >= 1 || seconds == 0) {
            return " " + Math.round(Math.rint(seconds)) + "s/" + unit;
        }
        if (seconds >= 1e-3) {
            return " " + Math.round(Math.rint(seconds * 1e3)) + "ms/" + unit;
        }
        return " " + Math.round(Math.rint(seconds * 1e6)) + "us/" + unit;
    }

    /** {@code 5s}, {@code 2:05} or {@code 1:02:05}, truncated to whole seconds. */
    static String eta(double seconds) {
        long s = (long) seconds;
        if (seconds > 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60);
        }
        if (seconds > 60) {
            return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
        return s + "s";
    }

    /** Python's {@code '%.0f'}: rounds half to even. */
    private static long wholeSeconds(long nanos) {
        return Math.round(Math.rint(nanos / 1e9));
    }
}
