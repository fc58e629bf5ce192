package io.github.keras4j.spark;

import io.github.keras4j.examples.DatasetChoice;
import io.github.keras4j.examples.LessonContext;
import io.github.keras4j.examples.LessonOptions;
import io.github.keras4j.examples.experiments.ComparisonResult;
import io.github.keras4j.examples.experiments.EpochResult;
import io.github.keras4j.examples.experiments.RunResult;
import io.github.keras4j.examples.experiments.RunStatus;
import io.github.keras4j.examples.grid.Grid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A lesson's grid on {@code local[2]} against the same grid trained in this thread. */
class SparkGridTest {
    private static Grid grid;

    @BeforeAll
    static void connect() {
        grid = new SparkGridBackend().connect("local[2]", "SparkGridTest");
    }

    @AfterAll
    static void stop() {
        grid.close();
    }

    static List<ComparisonResult> results(Path out, Grid on) throws Exception {
        PrintStream progress = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        LessonOptions options = new LessonOptions(DatasetChoice.MNIST_10K, null, 2, out);
        GridLesson lesson = new GridLesson();
        LessonContext ctx = on == null ? new LessonContext(lesson.name(), options, progress, false)
                : new LessonContext(lesson, options, progress, on);
        lesson.run(ctx);
        return ctx.results();
    }

    /** Everything but the wall-clock seconds must be equal, the weights' fingerprint included. */
    static void assertSameRuns(List<ComparisonResult> expected, List<ComparisonResult> actual) {
        assertEquals(expected.size(), actual.size());
        for (int c = 0; c < expected.size(); c++) {
            List<RunResult> e = expected.get(c).runs(), a = actual.get(c).runs();
            assertEquals(e.size(), a.size());
            for (int i = 0; i < e.size(); i++) {
                String run = e.get(i).variant() + ", seed " + e.get(i).seed();
                assertEquals(e.get(i).config(), a.get(i).config(), run);
                assertEquals(e.get(i).seed(), a.get(i).seed(), run);
                assertEquals(e.get(i).status(), a.get(i).status(), run);
                assertEquals(e.get(i).fingerprint(), a.get(i).fingerprint(), run);
                assertEquals(e.get(i).parameterCount(), a.get(i).parameterCount(), run);
                assertEquals(withoutSeconds(e.get(i).epochs()), withoutSeconds(a.get(i).epochs()), run);
            }
        }
    }

    static List<EpochResult> withoutSeconds(List<EpochResult> epochs) {
        return epochs.stream().map(x -> new EpochResult(x.epoch(), x.loss(), x.acc(), x.valLoss(), x.valAcc(), 0)).toList();
    }

    @Test
    void everyRunOnSparkIsTheRunTrainedLocallyBitForBit(@TempDir Path dir) throws Exception {
        List<ComparisonResult> local = results(dir.resolve("local"), null);
        List<ComparisonResult> spark = results(dir.resolve("spark"), grid);
        assertSameRuns(local, spark);
        List<RunResult> rates = spark.get(1).runs();
        assertEquals(List.of("slow", "slow", "fast", "fast", "broken", "broken"),
                rates.stream().map(RunResult::variant).toList());
        assertEquals(RunStatus.Kind.OK, rates.get(2).status().kind());
        assertFalse(rates.get(2).fingerprint().isEmpty());
        assertTrue(rates.get(2).finalValAcc() > 0.4, "3 epochs learn something: " + rates.get(2).finalValAcc());
        // seeds 1 and 2 train different models
        assertFalse(rates.get(2).fingerprint().equals(rates.get(3).fingerprint()));
    }

    @Test
    void aRunWhoseTrainerThrowsIsFailedAsLocallyAndTheGridGoesOn(@TempDir Path dir) throws Exception {
        List<RunResult> rates = results(dir, grid).get(1).runs();
        assertEquals(RunStatus.failed("IllegalArgumentException: " + GridLesson.BROKEN), rates.get(4).status());
        assertEquals(RunStatus.failed("IllegalArgumentException: " + GridLesson.BROKEN), rates.get(5).status());
        assertEquals(RunStatus.Kind.OK, rates.get(3).status().kind(), "the runs before it ended as usual");
    }
}
