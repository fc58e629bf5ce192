package io.github.keras4j.examples.experiments;

import java.io.Serializable;

/**
 * One run of a comparison before it has run: its place ({@code run} of {@code runs}, counted from 1), the
 * variant's label and the seed. Serializable: it is what a cluster's task is told to train.
 */
public record PlannedRun(int run, int runs, String variant, long seed) implements Serializable {
    public PlannedRun {
        if (run < 1 || run > runs) {
            throw new IllegalArgumentException("run numbers count from 1 to the number of runs (" + runs + "), got " + run);
        }
        if (variant == null || variant.isBlank()) {
            throw new IllegalArgumentException("a planned run needs the variant's label, got " + (variant == null ? "null" : "'" + variant + "'"));
        }
    }
}
