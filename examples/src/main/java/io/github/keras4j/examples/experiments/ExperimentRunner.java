package io.github.keras4j.examples.experiments;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

/**
 * Runs a {@link Comparison}: every variant with every seed, through a {@link Trainer}, printing one progress
 * line per run. A run that throws is recorded as {@code FAILED} with the exception's message (and logged with
 * its stack trace), one whose loss becomes NaN as {@code DIVERGED}; either way the sweep goes on with the
 * next run. Seeds are usually {@link #seeds(int)}: 1, 2, ... up to the count asked for.
 */
public final class ExperimentRunner {
    /** The first seed of {@link #seeds(int)}. */
    public static final long FIRST_SEED = 1;

    private static final Logger LOG = LoggerFactory.getLogger(ExperimentRunner.class);

    private final PrintStream progress;
    private final boolean liveUpdates;

    /** A runner that prints one line per run to {@code progress}, when each run ends. */
    public ExperimentRunner(PrintStream progress) {
        this(progress, false);
    }

    /**
     * @param liveUpdates also rewrite the current run's line after every epoch (for an interactive terminal,
     *                    where {@code \r} returns to the start of the line)
     */
    public ExperimentRunner(PrintStream progress, boolean liveUpdates) {
        if (progress == null) {
            throw new IllegalArgumentException("progress stream is null; pass System.out, or a stream to a file");
        }
        this.progress = progress;
        this.liveUpdates = liveUpdates;
    }

    /** {@code count} consecutive seeds starting at {@value #FIRST_SEED}. */
    public static List<Long> seeds(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("the number of seeds must be >= 1, got " + count);
        }
        return LongStream.range(FIRST_SEED, FIRST_SEED + count).boxed().toList();
    }

    /** Trains every variant of {@code comparison} once per seed, variant by variant, and collects the results. */
    public ComparisonResult run(Comparison comparison, Trainer trainer, List<Long> seeds) {
        if (trainer == null) {
            throw new IllegalArgumentException("Comparison '" + comparison.title() + "': trainer is null");
        }
        if (seeds == null || seeds.isEmpty()) {
            throw new IllegalArgumentException("Comparison '" + comparison.title() + "': no seeds given; pass at least one, "
                    + "e.g. ExperimentRunner.seeds(1)");
        }
        ProgressPrinter printer = new ProgressPrinter(progress, liveUpdates);
        printer.comparison(comparison, seeds.size());
        int runs = comparison.variants().size() * seeds.size();
        List<RunResult> results = new ArrayList<>(runs);
        int run = 0;
        for (Variant variant : comparison.variants()) {
            RunConfig config = variant.applyTo(comparison.base());
            for (long seed : seeds) {
                results.add(runOne(++run, runs, config, seed, trainer, printer));
            }
        }
        return new ComparisonResult(comparison, seeds, results);
    }

    /**
     * Runs the comparison's runs elsewhere (on a cluster): {@code remote} receives every (variant, seed) in the
     * order {@link #run(Comparison, Trainer, List)} would train them and returns one result per run, in that order.
     * The runs' lines are printed as their results arrive.
     */
    public ComparisonResult run(Comparison comparison, List<Long> seeds, RemoteRuns remote) {
        if (seeds == null || seeds.isEmpty()) {
            throw new IllegalArgumentException("Comparison '" + comparison.title() + "': no seeds given; pass at least one, "
                    + "e.g. ExperimentRunner.seeds(1)");
        }
        ProgressPrinter printer = new ProgressPrinter(progress, false);
        printer.comparison(comparison, seeds.size());
        int runs = comparison.variants().size() * seeds.size();
        List<PlannedRun> planned = new ArrayList<>(runs);
        for (Variant variant : comparison.variants()) {
            for (long seed : seeds) {
                planned.add(new PlannedRun(planned.size() + 1, runs, variant.label(), seed));
            }
        }
        List<RunResult> results = remote.run(planned);
        if (results.size() != runs) {
            throw new IllegalStateException("Comparison '" + comparison.title() + "': " + runs + " runs were sent out but "
                    + results.size() + " results came back");
        }
        for (int i = 0; i < runs; i++) {
            RunResult r = results.get(i);
            int expected = r.config().has(RunConfig.EPOCHS) ? r.config().integer(RunConfig.EPOCHS) : 0;
            printer.finished(i + 1, runs, r, expected, r.epochs().stream().mapToDouble(EpochResult::seconds).sum());
        }
        return new ComparisonResult(comparison, seeds, results);
    }

    /**
     * Trains one run of {@code comparison}, the variant labelled {@code variant} with {@code seed}, exactly as
     * {@link #run(Comparison, Trainer, List)} trains it there: a run that throws is {@code FAILED}, one whose loss
     * becomes NaN {@code DIVERGED}. {@code planned} says where the run stands, for its progress line.
     */
    public RunResult runOne(Comparison comparison, PlannedRun planned, Trainer trainer) {
        Variant variant = comparison.variants().stream().filter(v -> v.label().equals(planned.variant())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Comparison '" + comparison.title() + "' has no variant '"
                        + planned.variant() + "'; its variants: " + String.join(", ",
                        comparison.variants().stream().map(Variant::label).toList())));
        return runOne(planned.run(), planned.runs(), variant.applyTo(comparison.base()), planned.seed(), trainer,
                new ProgressPrinter(progress, liveUpdates));
    }

    private RunResult runOne(int run, int runs, RunConfig config, long seed, Trainer trainer, ProgressPrinter printer) {
        int expected = config.has(RunConfig.EPOCHS) ? config.integer(RunConfig.EPOCHS) : 0;
        List<EpochResult> seen = new ArrayList<>();
        long start = System.nanoTime();
        EpochListener listener = e -> {
            seen.add(e);
            printer.epoch(run, runs, config, seed, e, expected, seconds(start));
        };
        RunResult result;
        try {
            TrainingHistory h = trainer.train(config, seed, listener);
            result = new RunResult(config, seed, h.epochs(), h.parameterCount(), statusOf(h.epochs()), h.fingerprint());
        } catch (Exception | LinkageError | OutOfMemoryError e) {
            // LinkageError: a native library that failed to load. OutOfMemoryError: one variant too big for
            // the machine (a full batch, a wide layer); its arrays are garbage once the trainer has unwound.
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn("Run {}/{} ({}, seed {}) failed", run, runs, config, seed, e);
            // A trainer that stops a diverging run by throwing still diverged: the NaN came first.
            RunStatus status = firstDiverged(seen) > 0 ? RunStatus.diverged(firstDiverged(seen)) : RunStatus.failed(e);
            result = new RunResult(config, seed, seen, RunResult.UNKNOWN_PARAMETERS, status, "");
        }
        printer.finished(run, runs, result, expected, seconds(start));
        return result;
    }

    /** OK, or DIVERGED at the first epoch whose loss is not finite, or FAILED when there are no epochs at all. */
    static RunStatus statusOf(List<EpochResult> epochs) {
        if (epochs.isEmpty()) {
            return RunStatus.failed("the trainer returned no epochs");
        }
        int diverged = firstDiverged(epochs);
        return diverged > 0 ? RunStatus.diverged(diverged) : RunStatus.ok();
    }

    private static int firstDiverged(List<EpochResult> epochs) {
        return epochs.stream().filter(EpochResult::diverged).mapToInt(EpochResult::epoch).findFirst().orElse(0);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
