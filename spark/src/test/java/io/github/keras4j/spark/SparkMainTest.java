package io.github.keras4j.spark;

import io.github.keras4j.examples.LessonContext;
import io.github.keras4j.examples.Main;
import io.github.keras4j.examples.experiments.ComparisonReport;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The examples' command line with {@code --spark}: the same summary.md and runs.csv as without. */
class SparkMainTest {
    private final StringWriter err = new StringWriter();
    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

    private int run(String... args) {
        CommandLine cl = Main.commandLine(List.of(new GridLesson()), new PrintStream(progress, true, StandardCharsets.UTF_8), false);
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void aGridOnSparkWritesTheSummaryAndRunsOfTheGridTrainedHere(@TempDir Path dir) throws Exception {
        assertEquals(0, run("grid-lesson", "--seeds", "2", "--out", dir.resolve("local").toString()), err.toString());
        assertEquals(0, run("grid-lesson", "--seeds", "2", "--out", dir.resolve("spark").toString(), "--spark", "local[2]"),
                err.toString());
        String p = progress.toString(StandardCharsets.UTF_8);
        assertTrue(p.contains("Training on Spark local[2] (local-"), p);
        assertEquals(withoutTimes(summary(dir.resolve("local"))), withoutTimes(summary(dir.resolve("spark"))));
        for (String comparison : List.of("narrow-vs-wide", "learning-rates")) {
            assertEquals(withoutSeconds(dir.resolve("local"), comparison), withoutSeconds(dir.resolve("spark"), comparison));
        }
    }

    @Test
    void anUnreachableMasterIsAClearErrorWithinSeconds(@TempDir Path dir) throws Exception {
        int port = StandaloneCluster.freePort(); // free: nothing listens there
        long start = System.nanoTime();
        assertEquals(1, run("grid-lesson", "--out", dir.toString(), "--spark", "spark://127.0.0.1:" + port));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals("Spark master spark://127.0.0.1:" + port + " is unreachable: 127.0.0.1:" + port + " (Connection refused),"
                + " within 3000 ms. Start the master (its log prints 'Starting Spark master at spark://...') or fix the host"
                + " and port.\n", err.toString());
        assertTrue(seconds < 10, "answered in " + seconds + " s");
    }

    private static String summary(Path out) throws Exception {
        return Files.readString(out.resolve("grid-lesson").resolve(LessonContext.SUMMARY_FILE));
    }

    /** The table's s/epoch column (the 8th value) is the one thing two identical runs differ in. */
    private static String withoutTimes(String summary) {
        return summary.replaceAll("(?m)^(\\|(?:[^|]*\\|){7})[^|]*\\|", "$1 s |");
    }

    private static List<String> withoutSeconds(Path out, String comparison) throws Exception {
        // the seconds column comes after fingerprint, epoch, loss, acc, val_loss, val_acc
        return Files.readAllLines(out.resolve("grid-lesson").resolve(comparison).resolve(ComparisonReport.CSV_FILE)).stream()
                .map(line -> line.replaceAll("^((?:[^,]*,){12})[^,]*", "$1")).toList();
    }
}
