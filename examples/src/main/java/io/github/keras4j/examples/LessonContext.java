package io.github.keras4j.examples;

import io.github.keras4j.examples.data.ImageData;
import io.github.keras4j.examples.experiments.Comparison;
import io.github.keras4j.examples.experiments.ComparisonReport;
import io.github.keras4j.examples.experiments.ComparisonResult;
import io.github.keras4j.examples.experiments.ExperimentRunner;
import io.github.keras4j.examples.experiments.MarkdownWriter;
import io.github.keras4j.examples.experiments.PlotWriter;
import io.github.keras4j.examples.experiments.RunConfig;
import io.github.keras4j.examples.experiments.Trainer;
import io.github.keras4j.examples.grid.Grid;
import io.github.keras4j.examples.grid.RunReplay;
import io.github.keras4j.examples.grid.RunRequest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a running lesson works with: the options, the seeds, and {@link #compare}, which trains every variant
 * with every seed and writes the results to {@code <out>/<lesson>/<comparison>/}. After the lesson, the tables
 * of all its comparisons are gathered in {@code <out>/<lesson>/}{@value #SUMMARY_FILE}.
 *
 * <p>With a {@link Grid} (the command line's {@code --spark}) the runs are trained on a cluster instead, and
 * their results written here just the same; a context made by {@link RunReplay} trains one run only.
 */
public final class LessonContext {
    /** The file that gathers all comparison tables of a lesson. */
    public static final String SUMMARY_FILE = "summary.md";
    /** Setting name under which {@link #base} records the dataset. */
    public static final String DATASET = "dataset";
    /** Setting name under which {@link #base} records {@code --limit}, when it is given. */
    public static final String LIMIT = "limit";

    private final String lesson;
    private final LessonOptions options;
    private final PrintStream progress;
    private final ExperimentRunner runner;
    private final List<ComparisonResult> results = new ArrayList<>();
    private final Set<String> slugs = new HashSet<>();
    private final Lesson source;
    private final Grid grid;
    private final RunReplay replay;
    private ImageData data;

    public LessonContext(String lesson, LessonOptions options, PrintStream progress, boolean liveUpdates) {
        this(lesson, options, progress, liveUpdates, null, null, null);
    }

    /** A context whose comparisons' runs are trained on {@code grid}, as tasks that run {@code source} again. */
    public LessonContext(Lesson source, LessonOptions options, PrintStream progress, Grid grid) {
        this(source.name(), options, progress, false, source, grid, null);
    }

    /** A context that trains only the run {@code replay} asks for ({@link RunReplay#run}); it writes nothing. */
    public LessonContext(String lesson, LessonOptions options, PrintStream progress, RunReplay replay) {
        this(lesson, options, progress, false, null, null, replay);
    }

    private LessonContext(String lesson, LessonOptions options, PrintStream progress, boolean liveUpdates, Lesson source,
                          Grid grid, RunReplay replay) {
        this.lesson = lesson;
        this.options = options;
        this.progress = progress;
        this.runner = new ExperimentRunner(progress, liveUpdates);
        this.source = source;
        this.grid = grid;
        this.replay = replay;
    }

    public LessonOptions options() {
        return options;
    }

    /** Where the lesson prints what it has to say. */
    public PrintStream progress() {
        return progress;
    }

    /**
     * The {@code --dataset} data, scaled to 0..1 with one-hot labels, cut to {@code --limit} samples when given;
     * loaded on the first call.
     */
    public ImageData data() {
        if (data == null) {
            data = ImageData.load(options.dataset(), options.limit());
        }
        return data;
    }

    /** The seeds every variant runs with: {@code --seeds} of them. */
    public List<Long> seeds() {
        return ExperimentRunner.seeds(options.seeds());
    }

    /** The lesson's output folder, {@code <out>/<lesson>}. */
    public Path folder() {
        return options.out().resolve(lesson);
    }

    /**
     * A base configuration holding what the command line decides: {@code dataset}, {@code limit} when given and
     * {@code epochs} (the {@code --epochs} value, else {@code lessonEpochs}). Add the lesson's own settings with
     * {@link RunConfig#with}.
     */
    public RunConfig base(int lessonEpochs) {
        RunConfig base = RunConfig.of("base", DATASET, options.dataset().id());
        if (options.limit() != null) {
            base = base.with(LIMIT, options.limit());
        }
        return base.with(RunConfig.EPOCHS, options.epochsOr(lessonEpochs));
    }

    /**
     * Runs {@code comparison} with every seed through {@code trainer}, writes its report and prints its table. The
     * lesson's values (its tutorial's accuracies, all on MNIST) are shown only when the data is MNIST: beside
     * Fashion-MNIST results they would compare two different tasks.
     */
    public ComparisonResult compare(Comparison comparison, Trainer trainer) throws IOException {
        if (!options.dataset().isMnist()) {
            comparison = comparison.withoutReferences();
        }
        if (!slugs.add(comparison.slug())) {
            throw new IllegalArgumentException("Lesson '" + lesson + "' already ran a comparison titled like '"
                    + comparison.title() + "' (folder " + comparison.slug() + "); give each comparison its own title");
        }
        if (replay != null) {
            replay.offer(comparison, trainer); // ends the lesson when this comparison holds the run to replay
            return new ComparisonResult(comparison, seeds(), List.of());
        }
        ComparisonResult result = grid == null ? runner.run(comparison, trainer, seeds()) : onGrid(comparison);
        Path folder = folder().resolve(comparison.slug());
        String table = ComparisonReport.write(result, folder);
        results.add(result);
        progress.println();
        progress.print(table);
        progress.println("Written to " + folder);
        progress.println();
        return result;
    }

    private ComparisonResult onGrid(Comparison comparison) {
        progress.println("Training on " + grid.describe());
        String slug = comparison.slug();
        return runner.run(comparison, seeds(), planned -> grid.run(planned.stream()
                .map(p -> RunRequest.of(source, lesson, options, slug, p)).toList()));
    }

    /** The results of the comparisons run so far, in order. */
    public List<ComparisonResult> results() {
        return List.copyOf(results);
    }

    /** Writes every comparison's table into {@code <out>/<lesson>/}{@value #SUMMARY_FILE}; nothing when none ran. */
    void writeSummary() throws IOException {
        if (results.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder("# " + lesson + "\n\n");
        for (ComparisonResult r : results) {
            String slug = r.comparison().slug();
            List<String> plots = new ArrayList<>();
            for (String f : List.of(PlotWriter.LOSS_FILE, PlotWriter.ACCURACY_FILE)) {
                if (Files.exists(folder().resolve(slug).resolve(f))) {
                    plots.add(slug + "/" + f);
                }
            }
            sb.append(MarkdownWriter.format(r, plots)).append('\n');
        }
        Files.createDirectories(folder());
        Files.writeString(folder().resolve(SUMMARY_FILE), sb.toString(), StandardCharsets.UTF_8);
    }
}
