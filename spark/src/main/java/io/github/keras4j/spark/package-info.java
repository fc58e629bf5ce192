/**
 * keras4j on Apache Spark. {@link io.github.keras4j.spark.SparkGrid} trains a lesson's grid of (variant, seed)
 * runs as Spark tasks, one task per run, each bit-identical to the same run trained locally;
 * {@link io.github.keras4j.spark.SparkGridBackend} plugs it into the examples' command line ({@code --spark}).
 * Spark is a {@code provided} dependency: the cluster brings its own. See docs/spark.md.
 */
package io.github.keras4j.spark;
