package io.github.keras4j.examples;

import io.github.keras4j.examples.experiments.ComparisonReport;
import io.github.keras4j.examples.experiments.PlotWriter;
import io.github.keras4j.examples.lessons.FittingFunctions;
import io.github.keras4j.examples.lessons.LinearClassifier;
import io.github.keras4j.examples.lessons.PlaygroundTakeaways;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every registered lesson as the jar does (through {@link Main}'s command line) for one epoch on 200
 * samples of mnist-10k, so a broken lesson fails the build; the full runs stay out of the tests.
 */
class LessonsSmokeTest {
    /** The comparison folders each lesson must write. */
    static final Map<String, List<String>> COMPARISONS = Map.of(
            "keras-mnist", List.of("keras-mnist-model"),
            "hello-world", List.of("mse-vs-cross-entropy", "no-mini-batch-vs-mini-batch", "3-vs-9-layers-sigmoid",
                    "sigmoid-vs-relu-at-9-layers", "sgd-vs-adam", "no-dropout-vs-dropout-noisy-test-images", "simple-vs-complex",
                    "sgd-learning-rate-0-01-vs-0-1"),
            "nielsen", List.of("nielsen-s-network"),
            "softmax-network", List.of("softmax-regression-vs-two-layer-network"),
            "linear-classifier", List.of("2-d-demo-softmax-vs-svm", "linear-classifier-on-images-softmax-vs-svm"),
            "fitting-functions", List.of("fitting-sin-2-pi-x", "fitting-x", "fitting-step-x"),
            "cnn", List.of("mlp-vs-convnet-vs-convnet-with-batchnormalization"),
            "playground-takeaways", List.of("circle-without-a-hidden-layer", "xor-without-a-hidden-layer", "circle-from-x1-x2", "spiral",
                    "l1-vs-l2-on-a-wide-network", "noise-0-vs-50"));
    /** The lessons' own pictures. */
    static final Map<String, String> EXTRA_FILES = Map.of(
            "linear-classifier", LinearClassifier.REGIONS_FILE,
            "fitting-functions", FittingFunctions.CURVES_FILE,
            "playground-takeaways", PlaygroundTakeaways.REGIONS_FILE);

    static List<String> lessonNames() {
        return Lessons.all().stream().map(Lesson::name).toList();
    }

    @Test
    void everyRegisteredLessonIsCoveredHere() {
        assertEquals(COMPARISONS.keySet(), Set.copyOf(lessonNames()));
    }

    @ParameterizedTest
    @MethodSource("lessonNames")
    void runsFromTheCommandLineForOneEpochOnASmallSlice(String lesson, @TempDir Path out) throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(Lessons.all(), new PrintStream(progress, true, StandardCharsets.UTF_8), false);
        cl.setErr(new PrintWriter(err, true));

        int code = cl.execute(lesson, "--dataset", "mnist-10k", "--epochs", "1", "--seeds", "1", "--limit", "200",
                "--out", out.toString());

        String printed = progress.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err + "\n" + printed);
        Path folder = out.resolve(lesson);
        String summary = Files.readString(folder.resolve(LessonContext.SUMMARY_FILE));
        assertFalse(summary.contains("FAILED") || summary.contains("DIVERGED"), summary);
        for (String comparison : COMPARISONS.get(lesson)) {
            for (String f : List.of(ComparisonReport.CSV_FILE, ComparisonReport.MARKDOWN_FILE, PlotWriter.LOSS_FILE)) {
                Path file = folder.resolve(comparison).resolve(f);
                assertTrue(Files.size(file) > 0, file + " missing or empty; lesson output:\n" + printed);
            }
            List<String> csv = Files.readAllLines(folder.resolve(comparison).resolve(ComparisonReport.CSV_FILE));
            assertTrue(csv.size() > 1 && csv.get(1).contains(",OK,"), String.join("\n", csv));
            if (csv.get(0).contains("config.dataset")) {
                assertTrue(csv.get(0).contains("config.limit"), "a run on the dataset records --limit: " + csv.get(0));
            }
        }
        if (EXTRA_FILES.containsKey(lesson)) {
            Path picture = folder.resolve(EXTRA_FILES.get(lesson));
            byte[] head = Files.readAllBytes(picture);
            assertTrue(head.length > 1000 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G', picture + " is no PNG");
        }
    }
}
