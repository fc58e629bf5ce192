package io.github.keras4j.spark;

import io.github.keras4j.examples.DatasetChoice;
import io.github.keras4j.examples.LessonOptions;
import io.github.keras4j.examples.experiments.ComparisonResult;
import io.github.keras4j.examples.experiments.ExperimentRunner;
import io.github.keras4j.examples.experiments.PlannedRun;
import io.github.keras4j.examples.experiments.RunResult;
import io.github.keras4j.examples.grid.RunRequest;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskEndReason;
import org.apache.spark.Success$;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The grid on a real standalone cluster (a master and a worker in their own JVMs, on 127.0.0.1): the same
 * results as in this thread, also when an executor is killed in the middle of the grid.
 */
class StandaloneGridTest {
    @TempDir
    static Path dir;
    private static StandaloneCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = StandaloneCluster.start(dir, 2);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    static JavaSparkContext connect(String app) {
        return new JavaSparkContext(new SparkConf().setMaster(cluster.masterUrl).setAppName(app)
                .set("spark.executor.cores", "1")      // one run per executor JVM at a time: two executors
                .set("spark.executor.memory", "1g")
                .set("spark.executor.extraClassPath", StandaloneCluster.classPath()));
    }

    /** The requests of the lesson's second comparison (the first is passed over on every executor). */
    static List<RunRequest> requests() {
        LessonOptions options = new LessonOptions(DatasetChoice.MNIST_10K, null, 2, dir);
        List<RunRequest> r = new ArrayList<>();
        int run = 0;
        for (String variant : List.of("slow", "fast", "broken")) {
            for (long seed : ExperimentRunner.seeds(2)) {
                r.add(RunRequest.of(new GridLesson(), "grid-lesson", options, "learning-rates", new PlannedRun(++run, 6, variant, seed)));
            }
        }
        return r;
    }

    static List<RunResult> local() throws Exception {
        List<ComparisonResult> all = SparkGridTest.results(dir.resolve("local"), null);
        return all.get(1).runs();
    }

    @Test
    void theGridOnTheClusterIsTheGridTrainedHere() throws Exception {
        List<RunResult> spark;
        try (JavaSparkContext sc = connect("StandaloneGridTest")) {
            spark = SparkGrid.run(sc, requests());
        }
        assertSameRuns(local(), spark);
    }

    @Test
    void anExecutorKilledMidGridHasItsRunRetriedAndTheGridCompletesWithTheSameResults() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger lost = new AtomicInteger();
        AtomicInteger killed = new AtomicInteger();
        List<RunResult> spark;
        try (JavaSparkContext sc = connect("StandaloneGridTest-kill")) {
            sc.sc().addSparkListener(new SparkListener() {
                @Override
                public void onTaskStart(SparkListenerTaskStart start) {
                    started.countDown();
                }

                @Override
                public void onTaskEnd(SparkListenerTaskEnd end) {
                    TaskEndReason reason = end.reason();
                    if (!(reason instanceof Success$)) {
                        lost.incrementAndGet();
                    }
                }
            });
            Thread killer = new Thread(() -> {
                try {
                    // a fresh executor spends its first seconds loading ND4J's native code inside the first run
                    if (started.await(120, TimeUnit.SECONDS)) {
                        Thread.sleep(500);
                        killed.set(cluster.killExecutors());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            killer.start();
            spark = SparkGrid.run(sc, requests());
            killer.join();
        }
        assertTrue(killed.get() >= 1, "an executor was running: " + killed.get());
        assertTrue(lost.get() >= 1, "a task was lost with its executor, and retried");
        assertSameRuns(local(), spark);
    }

    static void assertSameRuns(List<RunResult> expected, List<RunResult> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            RunResult e = expected.get(i), a = actual.get(i);
            String run = e.variant() + ", seed " + e.seed();
            assertEquals(e.config(), a.config(), run);
            assertEquals(e.status(), a.status(), run);
            assertEquals(e.fingerprint(), a.fingerprint(), run);
            assertEquals(SparkGridTest.withoutSeconds(e.epochs()), SparkGridTest.withoutSeconds(a.epochs()), run);
        }
    }
}
