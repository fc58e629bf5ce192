package io.github.keras4j.spark;

import io.github.keras4j.examples.experiments.RunResult;
import io.github.keras4j.examples.grid.RunReplay;
import io.github.keras4j.examples.grid.RunRequest;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;

import java.util.List;

/**
 * A grid of runs as Spark tasks: {@link #run} makes one task per {@link RunRequest}, which an executor trains
 * with {@link RunReplay} (the lesson's own trainer, the run's own seed), and collects the results in request
 * order. What travels: the requests (names and numbers) to the executors, the {@link RunResult}s (per-epoch
 * numbers and the weights' fingerprint) back; the data is read on each executor from its datasets folder.
 *
 * <p>A task whose executor dies is retried by Spark ({@code spark.task.maxFailures}, 4 on a cluster; in local
 * mode {@code local[N,F]} allows F tries). A run whose training throws is no task failure: it comes back
 * {@code FAILED}, as locally, and the grid goes on. An executor trains one run at a time ({@link RunReplay}), so
 * give executors one core each ({@code spark.executor.cores=1}) to use every core of a worker.
 */
public final class SparkGrid {
    private SparkGrid() {
    }

    /** Trains every request on {@code spark}'s executors and returns their results, in order. */
    public static List<RunResult> run(JavaSparkContext spark, List<RunRequest> requests) {
        if (spark == null) {
            throw new IllegalArgumentException("SparkGrid.run needs a JavaSparkContext, got null");
        }
        if (requests == null || requests.isEmpty()) {
            throw new IllegalArgumentException("SparkGrid.run needs at least one run to train, got "
                    + (requests == null ? "null" : "none"));
        }
        try {
            // one partition per run: Spark schedules, retries and reports each run on its own
            return spark.parallelize(requests, requests.size()).map(SparkGrid::train).collect();
        } catch (Exception e) {
            if (e instanceof SparkException) {
                // Spark hands back the task's own exception as the cause, when it could be sent; it names the run
                String why = e.getCause() != null ? e.getCause().getMessage() : firstLine(e.getMessage());
                throw new IllegalStateException("The grid on " + spark.master() + " stopped: a task failed on every try"
                        + " (spark.task.maxFailures). " + why, e);
            }
            throw e;
        }
    }

    private static RunResult train(RunRequest request) {
        return RunReplay.run(request, System.out);
    }

    static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
