package io.github.keras4j.examples;

import io.github.keras4j.examples.playground.PlaygroundCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.github.keras4j.examples.grid.Grid;
import io.github.keras4j.examples.grid.GridBackends;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The command line of the runnable jar:
 * <pre>java -jar examples/target/keras4j-examples.jar &lt;lesson|all&gt; [--dataset mnist|mnist-10k|fashion-mnist]
 *     [--epochs N] [--seeds K] [--out DIR] [--limit N] [--spark MASTER]</pre>
 * {@code --help} lists the lessons. Defaults: dataset {@value #DEFAULT_DATASET}, {@value #DEFAULT_SEEDS} seed,
 * results under {@value #DEFAULT_OUT}, each lesson's own epochs, all the data ({@code --limit N}
 * keeps the first N training and test samples, for quick checks), every run on this machine ({@code --spark MASTER}
 * trains them as Spark tasks, with {@code keras4j-spark} on the class path: docs/spark.md). Exit code 0 when every lesson ran (diverged or
 * failed runs inside a comparison are results, not errors), 1 when a lesson threw, 2 for a usage error.
 */
@Command(name = "keras4j-examples", mixinStandardHelpOptions = true, version = "keras4j examples 0.1.0-SNAPSHOT",
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Runs classic MNIST lessons with keras4j and writes, per comparison, a CSV of every run and epoch,"
                + " a Markdown table and PNG plots of loss and accuracy.")
public final class Main implements Callable<Integer> {
    /** The lesson name that runs every lesson. */
    public static final String ALL = "all";
    public static final String DEFAULT_DATASET = "mnist";
    public static final String DEFAULT_SEEDS = "1";
    /** Results folder, relative to the working directory. */
    public static final String DEFAULT_OUT = "target/experiments";

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    @Parameters(index = "0", paramLabel = "<lesson>", description = "the lesson to run (listed below), or '" + ALL + "'")
    String lesson;

    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = DEFAULT_DATASET, converter = DatasetConverter.class,
            completionCandidates = DatasetChoice.Ids.class,
            description = "the dataset: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    DatasetChoice dataset;

    @Option(names = "--epochs", paramLabel = "N", description = "epochs per run (default: the lesson's own)")
    Integer epochs;

    @Option(names = "--seeds", paramLabel = "K", defaultValue = DEFAULT_SEEDS,
            description = "seeds per variant; tables show mean ± std over them (default: ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = DEFAULT_OUT,
            description = "folder for the results, one sub-folder per lesson (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--limit", paramLabel = "N",
            description = "for quick checks: train and test on the first N samples only (default: all)")
    Integer limit;

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "train the runs as Spark tasks on MASTER: local[2], spark://host:7077, yarn (needs keras4j-spark"
                    + " and Spark on the class path; default: every run here)")
    String spark;

    @Spec
    CommandSpec spec;

    private final List<Lesson> lessons;
    private final PrintStream progress;
    private final boolean liveUpdates;

    Main(List<Lesson> lessons, PrintStream progress, boolean liveUpdates) {
        this.lessons = List.copyOf(lessons);
        this.progress = progress;
        this.liveUpdates = liveUpdates;
    }

    public static void main(String[] args) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // plots are drawn to files, never to a screen
        }
        if (args.length > 0 && args[0].equals(PLAYGROUND)) {
            System.exit(PlaygroundCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        System.exit(commandLine(Lessons.all(), System.out, System.console() != null).execute(args));
    }

    /** The first argument that serves the interactive Playground page instead of running a lesson. */
    public static final String PLAYGROUND = "playground";

    /** The help section that lists the lessons, between the options and the footer. */
    static final String LESSONS_SECTION = "lessons";

    /**
     * The command line for {@code lessons}, with them listed in the help; progress goes to {@code progress}.
     * Public for modules that run the examples' command line with lessons of their own (keras4j-spark's tests).
     */
    public static CommandLine commandLine(List<Lesson> lessons, PrintStream progress, boolean liveUpdates) {
        CommandLine cl = new CommandLine(new Main(lessons, progress, liveUpdates));
        cl.getCommandSpec().usageMessage().footer(FOOTER);
        cl.getHelpSectionMap().put(LESSONS_SECTION, help -> lessonList(lessons, help.colorScheme(),
                help.commandSpec().usageMessage().width()));
        List<String> sections = new ArrayList<>(cl.getHelpSectionKeys());
        sections.add(sections.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), LESSONS_SECTION);
        cl.setHelpSectionKeys(sections);
        return cl;
    }

    @Override
    public Integer call() {
        List<Lesson> chosen = choose(lesson == null ? "" : lesson.trim().toLowerCase(Locale.ROOT));
        if (epochs != null && epochs < 1) {
            throw new ParameterException(spec.commandLine(), "--epochs must be at least 1, got " + epochs
                    + "; leave it out to use each lesson's own");
        }
        if (seeds < 1) {
            throw new ParameterException(spec.commandLine(), "--seeds must be at least 1, got " + seeds);
        }
        if (limit != null && limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1, got " + limit
                    + "; leave it out to use all the data");
        }
        if (chosen.isEmpty()) {
            progress.println("No lessons are registered yet.");
            return 0;
        }
        LessonOptions options = new LessonOptions(dataset, epochs, seeds, out, limit);
        if (spark == null) {
            return runAll(chosen, options, null);
        }
        Grid grid;
        try {
            grid = GridBackends.find("spark").connect(spark, "keras4j " + lesson);
        } catch (RuntimeException e) {
            LOG.debug("--spark {} failed", spark, e);
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
        try (grid) {
            return runAll(chosen, options, grid);
        }
    }

    private int runAll(List<Lesson> chosen, LessonOptions options, Grid grid) {
        int failed = 0;
        for (Lesson l : chosen) {
            progress.println("== " + l.name() + ": " + l.description());
            LessonContext context = grid == null ? new LessonContext(l.name(), options, progress, liveUpdates)
                    : new LessonContext(l, options, progress, grid);
            try {
                l.run(context);
            } catch (Exception e) {
                failed++;
                report(l, "failed", e);
            }
            try {
                context.writeSummary(); // also after a failure: the comparisons that finished keep their tables
            } catch (IOException e) {
                failed++;
                report(l, "could not write its summary", e);
            }
        }
        return failed == 0 ? 0 : 1;
    }

    private void report(Lesson l, String what, Exception e) {
        // keras4j's own errors say what to do; their stack trace helps only when debugging.
        LOG.debug("Lesson '{}' {}", l.name(), what, e);
        spec.commandLine().getErr().println("Lesson '" + l.name() + "' " + what + ": " + e.getMessage()
                + " (" + e.getClass().getSimpleName() + ")");
        spec.commandLine().getErr().flush();
    }

    private List<Lesson> choose(String name) {
        if (name.equals(ALL)) {
            return lessons;
        }
        for (Lesson l : lessons) {
            if (l.name().equals(name)) {
                return List.of(l);
            }
        }
        List<String> known = new ArrayList<>(lessons.stream().map(Lesson::name).toList());
        known.add(ALL);
        throw new ParameterException(spec.commandLine(), "Unknown lesson '" + lesson + "'. Known lessons: "
                + String.join(", ", known) + (lessons.isEmpty() ? " (no lessons are registered yet)" : "") + ".");
    }

    /** The help's last lines. */
    static final String[] FOOTER = {"", "Each comparison writes runs.csv, summary.md, loss.png and accuracy.png into DIR/<lesson>/<comparison>/.",
            "'" + PLAYGROUND + " [--port N]' instead of a lesson serves the interactive Playground page (see '" + PLAYGROUND + " --help')."};

    /**
     * The help's list of lessons, as a table whose descriptions wrap under themselves (picocli wraps free footer
     * text back to column 0, which broke the list up on a narrow terminal).
     */
    static String lessonList(List<Lesson> lessons, CommandLine.Help.ColorScheme colors, int width) {
        int names = Math.max(ALL.length(), lessons.stream().mapToInt(l -> l.name().length()).max().orElse(0)) + 4;
        CommandLine.Help.TextTable table = CommandLine.Help.TextTable.forColumns(colors,
                new CommandLine.Help.Column(names, 2, CommandLine.Help.Column.Overflow.SPAN),
                new CommandLine.Help.Column(Math.max(20, width - names), 0, CommandLine.Help.Column.Overflow.WRAP));
        for (Lesson l : lessons) {
            table.addRowValues(l.name(), l.description());
        }
        table.addRowValues(ALL, "every lesson above, one after another");
        return String.format("%nLessons:%n") + (lessons.isEmpty() ? String.format("  (none registered yet)%n") : "") + table;
    }

    /** {@code --dataset} values through {@link DatasetChoice#parse}, so an unknown name lists the known ones. */
    static final class DatasetConverter implements CommandLine.ITypeConverter<DatasetChoice> {
        @Override
        public DatasetChoice convert(String value) {
            try {
                return DatasetChoice.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
