package io.github.keras4j.spark;

import io.github.keras4j.examples.experiments.RunResult;
import io.github.keras4j.examples.grid.Grid;
import io.github.keras4j.examples.grid.RunRequest;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import java.util.List;

/** A {@link Grid} on a Spark context that it made, and stops on {@link #close}. */
final class SparkGridConnection implements Grid {
    private final JavaSparkContext spark;

    private SparkGridConnection(JavaSparkContext spark) {
        this.spark = spark;
    }

    /**
     * Connects to {@code master}. A standalone master ({@code spark://host:port}) is reached first with a plain
     * connection, so one that is down fails within {@value MasterProbe#TIMEOUT_MILLIS} ms instead of after
     * Spark's minute of registration retries.
     */
    static SparkGridConnection open(String master, String applicationName) {
        if (master == null || master.isBlank()) {
            throw new IllegalArgumentException("--spark needs a master URL: local[2], spark://host:7077 or yarn, got "
                    + (master == null ? "null" : "'" + master + "'"));
        }
        MasterProbe.check(master);
        SparkConf conf = new SparkConf().setMaster(master).setAppName(applicationName);
        return new SparkGridConnection(new JavaSparkContext(conf));
    }

    @Override
    public String describe() {
        return "Spark " + spark.master() + " (" + spark.sc().applicationId() + ")";
    }

    @Override
    public List<RunResult> run(List<RunRequest> requests) {
        return SparkGrid.run(spark, requests);
    }

    @Override
    public void close() {
        spark.stop();
    }
}
