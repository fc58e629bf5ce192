package io.github.keras4j.callbacks;

import java.io.PrintStream;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Prints tf.keras 2's progress output (Keras' {@code ProgbarLogger}): {@code Epoch 3/10} before each
 * epoch when there is more than one, then a progress line per epoch, e.g.
 * <pre>
 * 1875/1875 [==============================] - 3s 1ms/step - loss: 0.2646 - acc: 0.9185 - val_loss: 0.1344 - val_acc: 0.9601
 * </pre>
 * With verbose 2 it prints one summary line per epoch instead (see {@link Progbar}).
 *
 * <p>On a terminal the running line redraws in place; elsewhere (a log file, a pipe, most IDE consoles)
 * only each epoch's finished line is printed, so logs do not fill with partial lines. "A terminal"
 * means {@code System.console() != null}, which on Java 17 holds when both standard input and output
 * are attached to one. The system property {@value #DYNAMIC_DISPLAY_PROPERTY} ({@code true}/{@code false})
 * overrides the detection, and so does the constructor that takes the choice.
 *
 * <p>fit adds one (printing to {@code System.out}) when its verbose is not 0 and none is in the
 * callbacks; pass your own to print elsewhere. evaluate and predict print only when one is passed.
 */
public class ProgbarLogger extends Callback {
    /** System property forcing the in-place redraw on ({@code true}) or off ({@code false}). */
    public static final String DYNAMIC_DISPLAY_PROPERTY = "keras4j.progress.dynamic";

    private final PrintStream out;
    private final boolean dynamic;
    private final LongSupplier clock;
    private Progbar bar;
    private int seen;
    private boolean inFit;

    /** Prints to {@code System.out}, redrawing in place on a terminal. */
    public ProgbarLogger() {
        this(System.out);
    }

    /** Prints to {@code out}, redrawing in place when the JVM runs on a terminal. */
    public ProgbarLogger(PrintStream out) {
        this(out, isTerminal());
    }

    /** Prints to {@code out}; {@code dynamicDisplay} chooses the in-place redraw. */
    public ProgbarLogger(PrintStream out, boolean dynamicDisplay) {
        this(out, dynamicDisplay, System::nanoTime);
    }

    /** As above with the clock the times are measured with, in nanoseconds (for tests). */
    public ProgbarLogger(PrintStream out, boolean dynamicDisplay, LongSupplier nanoClock) {
        this.out = Objects.requireNonNull(out, "out");
        this.dynamic = dynamicDisplay;
        this.clock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** The property {@value #DYNAMIC_DISPLAY_PROPERTY} if set, else {@code System.console() != null}. */
    public static boolean isTerminal() {
        String forced = System.getProperty(DYNAMIC_DISPLAY_PROPERTY);
        if (forced != null && !forced.isBlank()) {
            return Boolean.parseBoolean(forced.trim());
        }
        return System.console() != null;
    }

    private int verbose() {
        return params() == null ? 1 : params().verbose();
    }

    private void newBar() {
        seen = 0;
        bar = new Progbar(params() == null ? 1 : params().steps(), verbose(), dynamic, out, clock);
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        inFit = true;
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        inFit = false;
    }

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
        newBar();
        if (verbose() > 0 && params() != null && params().epochs() > 1) {
            out.println("Epoch " + (epoch + 1) + "/" + params().epochs());
        }
    }

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        seen = batch + 1;
        bar.update(seen, logs, false);
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        bar.update(seen, logs, true); // the steps actually run: fewer when a callback stopped the epoch
    }

    @Override
    public void onTestBegin(Map<String, Double> logs) {
        if (!inFit) {
            newBar();
        }
    }

    @Override
    public void onTestBatchEnd(int batch, Map<String, Double> logs) {
        if (!inFit) {
            seen = batch + 1;
            bar.update(seen, logs, false);
        }
    }

    @Override
    public void onTestEnd(Map<String, Double> logs) {
        if (!inFit) {
            bar.update(seen, logs, true);
        }
    }

    @Override
    public void onPredictBegin(Map<String, Double> logs) {
        newBar();
    }

    @Override
    public void onPredictBatchEnd(int batch, Map<String, Double> logs) {
        seen = batch + 1;
        bar.update(seen, Map.of(), false);
    }

    @Override
    public void onPredictEnd(Map<String, Double> logs) {
        bar.update(seen, Map.of(), true);
    }
}
