package io.github.keras4j.examples.experiments;

import java.util.List;

/**
 * Carries out a comparison's runs somewhere else than this thread (a Spark cluster, see {@code keras4j-spark}):
 * given the planned runs, in order, it returns one {@link RunResult} per run, in the same order. A run whose
 * training threw comes back {@code FAILED} like a local one; an exception from here means the runs could not be
 * carried out at all (the cluster was unreachable, a task failed every retry).
 */
@FunctionalInterface
public interface RemoteRuns {
    List<RunResult> run(List<PlannedRun> planned);
}
