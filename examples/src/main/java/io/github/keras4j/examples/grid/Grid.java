package io.github.keras4j.examples.grid;

import io.github.keras4j.examples.experiments.RunResult;

import java.util.List;

/**
 * A connection to a cluster that trains runs: {@link #run} sends requests out and returns one result per
 * request, in order, each computed by {@link RunReplay#run}. Close it to release the cluster's resources.
 */
public interface Grid extends AutoCloseable {
    /** Where the runs go, for progress lines: {@code spark local[2]}, {@code spark spark://host:7077}. */
    String describe();

    /**
     * Carries out the requests. A run whose training throws comes back {@code FAILED}, as locally; an exception
     * means the runs could not be carried out at all, and names the run that could not.
     */
    List<RunResult> run(List<RunRequest> requests);

    @Override
    void close();
}
