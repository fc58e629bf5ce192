package io.github.keras4j.examples.grid;

import io.github.keras4j.examples.DatasetChoice;
import io.github.keras4j.examples.Lesson;
import io.github.keras4j.examples.LessonOptions;
import io.github.keras4j.examples.experiments.PlannedRun;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * One run of a lesson's grid, as a cluster's task receives it: the lesson's class (created again with its
 * no-argument constructor), the command-line options that shape its runs, the comparison's folder name (its
 * {@link io.github.keras4j.examples.experiments.Comparison#slug slug}, unique within a lesson) and the planned
 * run. Only names and numbers: serializable, and small.
 */
public record RunRequest(String lessonClass, String lesson, String dataset, Integer epochs, int seeds, Integer limit,
                         String comparison, PlannedRun run) implements Serializable {
    /** The request for {@code run} of {@code lesson}'s comparison {@code comparisonSlug}, under {@code options}. */
    public static RunRequest of(Lesson lesson, String lessonName, LessonOptions options, String comparisonSlug, PlannedRun run) {
        return new RunRequest(lesson.getClass().getName(), lessonName, options.dataset().id(), options.epochs(),
                options.seeds(), options.limit(), comparisonSlug, run);
    }

    /** The options the lesson runs with on the executor; it writes nothing there, so the folder is a placeholder. */
    public LessonOptions options() {
        return new LessonOptions(DatasetChoice.parse(dataset), epochs, seeds, Path.of("."), limit);
    }

    /** {@code keras-mnist / sgd-vs-adam / adam, seed 2}: what an error about this run says. */
    public String describe() {
        return lesson + " / " + comparison + " / " + run.variant() + ", seed " + run.seed();
    }
}
