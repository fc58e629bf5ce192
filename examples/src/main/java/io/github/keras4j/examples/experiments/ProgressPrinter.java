package io.github.keras4j.examples.experiments;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The runner's progress output: a header per comparison and one line per run, e.g.
 * <pre>[run 3/6] relu, seed 2: epoch 10/10  loss 0.2831  val_acc 0.9213  12.4 s  OK</pre>
 * (a run without an accuracy, fitting a function, shows {@code val_loss} there instead).
 * With live updates (an interactive terminal) the line is rewritten in place after every epoch, so a long run
 * is visibly alive; otherwise (a log file, a pipe) it is printed once, when the run ends.
 */
final class ProgressPrinter {
    private final PrintStream out;
    private final boolean live;
    private int lastLength;

    ProgressPrinter(PrintStream out, boolean live) {
        this.out = out;
        this.live = live;
    }

    void comparison(Comparison c, int seeds) {
        int runs = c.variants().size() * seeds;
        out.println(c.title() + ": " + c.variants().size() + " variant" + (c.variants().size() == 1 ? "" : "s") + " x "
                + seeds + " seed" + (seeds == 1 ? "" : "s") + " = " + runs + " run" + (runs == 1 ? "" : "s")
                + " (base: " + c.base().describe() + ")");
    }

    /** After each epoch: rewrites the run's line in place when live, else nothing. */
    void epoch(int run, int runs, RunConfig config, long seed, EpochResult e, int expectedEpochs, double seconds) {
        if (live) {
            String line = line(run, runs, config, seed, e, expectedEpochs, seconds, "");
            out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            out.flush();
            lastLength = line.length();
        }
    }

    /** When the run ends: its final line, with the status. */
    void finished(int run, int runs, RunResult r, int expectedEpochs, double seconds) {
        // The weights' fingerprint lets two runs be checked for bit-identical results (Utils.fingerprint).
        String weights = r.fingerprint() == null || r.fingerprint().isEmpty() ? "" : "  weights " + r.fingerprint();
        String line = line(run, runs, r.config(), r.seed(), r.lastEpoch(), expectedEpochs, seconds, "  " + r.status() + weights);
        if (live) {
            out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())) + System.lineSeparator());
            lastLength = 0;
        } else {
            out.println(line);
        }
        out.flush();
    }

    static String line(int run, int runs, RunConfig config, long seed, EpochResult e, int expectedEpochs,
                       double seconds, String suffix) {
        int done = e == null ? 0 : e.epoch();
        String total = expectedEpochs > 0 ? String.valueOf(expectedEpochs) : "?";
        // A regression (no accuracy metric) has a validation loss but no val_acc: show what it has, not "val_acc NaN".
        boolean regression = e != null && Double.isNaN(e.valAcc()) && !Double.isNaN(e.valLoss());
        return String.format(Locale.ROOT, "[run %d/%d] %s, seed %d: epoch %d/%s  loss %s  %s %s  %.1f s%s",
                run, runs, config.name(), seed, done, total, e == null ? "-" : number(e.loss()), regression ? "val_loss" : "val_acc",
                e == null ? "-" : number(regression ? e.valLoss() : e.valAcc()), seconds, suffix);
    }

    private static String number(double d) {
        return Double.isNaN(d) ? "NaN" : String.format(Locale.ROOT, "%.4f", d);
    }
}
