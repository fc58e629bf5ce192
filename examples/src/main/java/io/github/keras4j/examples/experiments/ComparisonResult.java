package io.github.keras4j.examples.experiments;

import java.util.List;

/** The runs of one comparison, variant by variant and seed by seed, in the order they ran. */
public record ComparisonResult(Comparison comparison, List<Long> seeds, List<RunResult> runs) {
    public ComparisonResult {
        seeds = List.copyOf(seeds);
        runs = List.copyOf(runs);
    }

    /** The runs of the variant labelled {@code label}, one per seed. */
    public List<RunResult> runsOf(String label) {
        return runs.stream().filter(r -> r.variant().equals(label)).toList();
    }
}
