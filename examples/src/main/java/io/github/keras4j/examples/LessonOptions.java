package io.github.keras4j.examples;

import java.nio.file.Path;

/**
 * The command-line options a lesson runs with.
 *
 * @param epochs the epochs asked for with {@code --epochs}, or null to use the lesson's own
 *               ({@link #epochsOr}); most lessons follow the tutorial they reproduce
 * @param seeds  how many seeds to run every variant with
 * @param out    the folder results are written under, one sub-folder per lesson
 */
public record LessonOptions(DatasetChoice dataset, Integer epochs, int seeds, Path out) {
    public LessonOptions {
        if (dataset == null) {
            throw new IllegalArgumentException("dataset is null; choose one of: " + DatasetChoice.ids());
        }
        if (epochs != null && epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs + "; leave it out to use the lesson's own");
        }
        if (seeds < 1) {
            throw new IllegalArgumentException("seeds must be >= 1, got " + seeds);
        }
        if (out == null) {
            throw new IllegalArgumentException("output folder is null");
        }
    }

    /** The epochs asked for on the command line, else {@code lessonDefault}. */
    public int epochsOr(int lessonDefault) {
        return epochs != null ? epochs : lessonDefault;
    }
}
