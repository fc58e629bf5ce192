package io.github.keras4j.examples;

import io.github.keras4j.examples.experiments.ComparisonReport;
import io.github.keras4j.examples.experiments.PlotWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final ByteArrayOutputStream progressBytes = new ByteArrayOutputStream();

    private int run(List<Lesson> lessons, String... args) {
        CommandLine cl = Main.commandLine(lessons, new PrintStream(progressBytes, true, StandardCharsets.UTF_8), false);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private String progress() {
        return progressBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsTheLessonsAndTheOptions() {
        assertEquals(0, run(List.of(new DemoLesson()), "--help"));
        String help = out.toString();
        assertTrue(help.contains("Usage: keras4j-examples"), help);
        assertTrue(help.contains("<lesson>"), help);
        for (String option : List.of("--dataset=NAME", "--epochs=N", "--seeds=K", "--out=DIR")) {
            assertTrue(help.contains(option), option + " missing from\n" + help);
        }
        String flowing = help.replaceAll("\\s+", " "); // picocli wraps long descriptions
        assertTrue(flowing.contains("--dataset=NAME the dataset: mnist, mnist-10k, fashion-mnist (default: mnist)"), help);
        assertTrue(flowing.contains("(default: target/experiments)"), help);
        assertTrue(flowing.contains("--epochs=N epochs per run (default: the lesson's own)"), help);
        assertTrue(help.contains("Lessons:\n  demo  synthetic curves: fast vs slow (100% fake)\n"
                + "  all   every lesson above, one after another\n"), help);
    }

    @Test
    void longLessonDescriptionsWrapUnderThemselvesNotToColumnZero() {
        Lesson wordy = new Lesson() {
            @Override
            public String name() {
                return "wordy";
            }

            @Override
            public String description() {
                return "a description long enough to need two or three lines on a terminal of sixty columns, as the real lessons'"
                        + " descriptions do on eighty";
            }

            @Override
            public void run(LessonContext context) {
            }
        };
        String list = Main.lessonList(List.of(wordy), CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF), 60);
        List<String> lines = list.lines().toList();
        assertEquals("Lessons:", lines.get(1));
        assertTrue(lines.size() > 4, "wrapped: " + list);
        for (String line : lines.subList(2, lines.size())) {
            assertTrue(line.startsWith("  "), "every line of the list is indented, none starts at column 0:\n" + list);
            assertTrue(line.length() <= 60, "within the width: " + line);
        }
        assertTrue(lines.get(3).startsWith("          "), "a continuation starts under the description:\n" + list);
    }

    @Test
    void helpSaysWhenNoLessonIsRegistered() {
        assertEquals(0, run(List.of(), "--help"));
        assertTrue(out.toString().contains("Lessons:\n  (none registered yet)\n  all  every lesson above"), out.toString());
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertEquals(2, run(List.of(new DemoLesson()), "demo", "--bogus"));
        assertTrue(err.toString().startsWith("Unknown option: '--bogus'"), err.toString());
        assertTrue(err.toString().contains("Usage: keras4j-examples"), err.toString());
    }

    @Test
    void anUnknownLessonListsTheKnownOnes() {
        assertEquals(2, run(List.of(new DemoLesson()), "nope"));
        assertTrue(err.toString().startsWith("Unknown lesson 'nope'. Known lessons: demo, all.\n"), err.toString());
        assertEquals(2, run(List.of(), "nope"));
        assertTrue(err.toString().contains("Unknown lesson 'nope'. Known lessons: all (no lessons are registered yet)."),
                err.toString());
    }

    @Test
    void anUnknownDatasetListsTheKnownOnes() {
        assertEquals(2, run(List.of(new DemoLesson()), "demo", "--dataset", "cifar"));
        assertTrue(err.toString().startsWith("Invalid value for option '--dataset': Unknown dataset 'cifar'. "
                + "Known datasets: mnist, mnist-10k, fashion-mnist."), err.toString());
    }

    @Test
    void epochsAndSeedsMustBePositive() {
        assertEquals(2, run(List.of(new DemoLesson()), "demo", "--epochs", "0"));
        assertTrue(err.toString().startsWith("--epochs must be at least 1, got 0; leave it out to use each lesson's own"),
                err.toString());
        assertEquals(2, run(List.of(new DemoLesson()), "demo", "--seeds", "-1"));
        assertTrue(err.toString().contains("--seeds must be at least 1, got -1"), err.toString());
        assertEquals(2, run(List.of(new DemoLesson()), "demo", "--seeds", "two"));
        assertTrue(err.toString().contains("Invalid value for option '--seeds': 'two' is not an int"), err.toString());
    }

    @Test
    void limitIsForQuickChecksAndMustBePositive(@TempDir Path dir) {
        assertEquals(0, run(List.of(new DemoLesson()), "--help"));
        assertTrue(out.toString().replaceAll("\\s+", " ")
                .contains("--limit=N for quick checks: train and test on the first N samples only (default: all)"), out.toString());
        assertEquals(2, run(List.of(new DemoLesson()), "demo", "--limit", "0"));
        assertTrue(err.toString().startsWith("--limit must be at least 1, got 0; leave it out to use all the data"), err.toString());
        DemoLesson demo = new DemoLesson();
        assertEquals(0, run(List.of(demo), "demo", "--limit", "200", "--epochs", "1", "--out", dir.toString()));
        assertEquals(200, demo.seen.limit());
        assertEquals("base {dataset=mnist, limit=200, epochs=1, rate=1.0}", demo.seenBase.toString());
    }

    @Test
    void theLessonIsRequired() {
        assertEquals(2, run(List.of(new DemoLesson())));
        assertTrue(err.toString().startsWith("Missing required parameter: '<lesson>'"), err.toString());
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        Main main = new Main(List.of(), System.out, false);
        new CommandLine(main).parseArgs("demo");
        assertEquals(DatasetChoice.MNIST, main.dataset);
        assertEquals("mnist", Main.DEFAULT_DATASET);
        assertNull(main.epochs);
        assertEquals(1, main.seeds);
        assertEquals("1", Main.DEFAULT_SEEDS);
        assertEquals(Path.of("target/experiments"), main.out);
        assertEquals("target/experiments", Main.DEFAULT_OUT);
    }

    @Test
    void runsALessonWithTheOptionsAndWritesItsResults(@TempDir Path dir) throws Exception {
        DemoLesson demo = new DemoLesson();
        int code = run(List.of(demo), "demo", "--dataset", "fashion-mnist", "--epochs", "3", "--seeds", "2",
                "--out", dir.toString());

        assertEquals(0, code, err.toString());
        assertEquals(new LessonOptions(DatasetChoice.FASHION_MNIST, 3, 2, dir), demo.seen);
        assertEquals("base {dataset=fashion-mnist, epochs=3, rate=1.0}", demo.seenBase.toString());
        Path folder = dir.resolve("demo").resolve("fast-vs-slow");
        for (String f : List.of(ComparisonReport.CSV_FILE, ComparisonReport.MARKDOWN_FILE, PlotWriter.LOSS_FILE, PlotWriter.ACCURACY_FILE)) {
            assertTrue(Files.size(folder.resolve(f)) > 0, f);
        }
        String p = progress();
        assertTrue(p.startsWith("== demo: synthetic curves: fast vs slow (100% fake)\n"
                + "Fast vs slow: 3 variants x 2 seeds = 6 runs (base: dataset=fashion-mnist, epochs=3, rate=1.0)\n"), p);
        assertEquals(6, Pattern.compile("(?m)^\\[run \\d/6\\] ").matcher(p).results().count(), p);
        assertTrue(p.contains("| fast | rate=2.0 | "), p);
        assertFalse(p.contains("| 0.97 | "), "the lesson's MNIST value is not shown beside Fashion-MNIST results\n" + p);
        assertTrue(p.contains("| 2 DIVERGED |"), p);
        // the CSV has a header, 3 variants x 2 seeds x 3 epochs rows
        assertEquals(1 + 3 * 2 * 3, Files.readAllLines(folder.resolve(ComparisonReport.CSV_FILE)).size());
        String summary = Files.readString(dir.resolve("demo").resolve(LessonContext.SUMMARY_FILE));
        assertTrue(summary.startsWith("# demo\n\n## Fast vs slow\n"), summary);
        assertTrue(summary.contains("![fast-vs-slow/loss.png](fast-vs-slow/loss.png)"), summary);
    }

    @Test
    void aFailingLessonDoesNotStopTheOthersButSetsTheExitCode(@TempDir Path dir) {
        Lesson broken = new Lesson() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public String description() {
                return "throws";
            }

            @Override
            public void run(LessonContext context) {
                throw new IllegalStateException("no data");
            }
        };
        DemoLesson demo = new DemoLesson();
        assertEquals(1, run(List.of(broken, demo), "all", "--epochs", "1", "--out", dir.toString()));
        assertTrue(err.toString().contains("Lesson 'broken' failed: no data (IllegalStateException)"), err.toString());
        assertEquals(1, demo.seen.epochs(), "the lesson after the broken one still ran");
        assertFalse(Files.exists(dir.resolve("broken")));
    }

    @Test
    void aLessonThatFailsHalfWayKeepsTheTablesOfItsFinishedComparisons(@TempDir Path dir) throws Exception {
        Lesson halfWay = new Lesson() {
            @Override
            public String name() {
                return "half-way";
            }

            @Override
            public String description() {
                return "one comparison, then an error";
            }

            @Override
            public void run(LessonContext ctx) throws Exception {
                new DemoLesson().run(ctx);
                throw new IllegalStateException("second comparison broke");
            }
        };
        assertEquals(1, run(List.of(halfWay), "half-way", "--epochs", "2", "--out", dir.toString()));
        assertTrue(err.toString().contains("Lesson 'half-way' failed: second comparison broke (IllegalStateException)"),
                err.toString());
        assertTrue(Files.readString(dir.resolve("half-way").resolve(LessonContext.SUMMARY_FILE)).contains("## Fast vs slow"));
    }

    @Test
    void sparkWithoutKeras4jSparkOnTheClassPathSaysWhatIsMissing(@TempDir Path dir) {
        DemoLesson demo = new DemoLesson();
        assertEquals(1, run(List.of(demo), "demo", "--spark", "local[2]", "--out", dir.toString()));
        assertEquals("--spark needs keras4j-spark and Spark on the class path, and this class path has no grid backend."
                + " Run the lessons with spark-submit and the keras4j-spark jar, see docs/spark.md.\n", err.toString());
        assertNull(demo.seen, "no lesson ran");
    }

    @Test
    void allWithoutLessonsSaysSo() {
        assertEquals(0, run(List.of(), "all"));
        assertEquals("No lessons are registered yet.\n", progress());
    }

    @Test
    void registeredLessonsHaveUniqueCommandLineNames() {
        List<String> names = Lessons.all().stream().map(Lesson::name).toList();
        assertEquals(names.size(), names.stream().distinct().count(), names.toString());
        names.forEach(n -> assertTrue(n.matches("[a-z0-9]+(-[a-z0-9]+)*") && !n.equals(Main.ALL), n));
    }
}
