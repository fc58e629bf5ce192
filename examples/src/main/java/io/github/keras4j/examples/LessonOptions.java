package io.github.keras4j.examples;

import java.nio.file.Path;

/**
 * The command-line options a lesson runs with.
 *
 * @param epochs the epochs asked for with {@code --epochs}, or null to use the lesson's own
 *               ({@link #epochsOr}); most lessons follow the tutorial they reproduce
 * @param seeds  how many seeds to run every variant with
 * @param out    the folder results are written under, one sub-folder per lesson
 * @param limit  for quick checks: use only the first {@code limit} training and test samples; null for all
 */
public record LessonOptions(DatasetChoice dataset, Integer epochs, int seeds, Path out, Integer limit) {
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
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1 sample, got " + limit + "; leave it out to use all the data");
        }
    }

    /** Options that use all the data. */
    public LessonOptions(DatasetChoice dataset, Integer epochs, int seeds, Path out) {
        this(dataset, epochs, seeds, out, null);
    }

    /** The epochs asked for on the command line, else {@code lessonDefault}. */
    public int epochsOr(int lessonDefault) {
        return epochs != null ? epochs : lessonDefault;
    }
}
