/**
 * Comparative experiments: declare a base {@link io.github.keras4j.examples.experiments.RunConfig}, the
 * {@link io.github.keras4j.examples.experiments.Variant}s to compare and the seeds, let the
 * {@link io.github.keras4j.examples.experiments.ExperimentRunner} train every variant with every seed through a
 * {@link io.github.keras4j.examples.experiments.Trainer}, and write the results as a CSV, a Markdown table and
 * PNG plots. Every result carries the full configuration that produced it. Nothing here knows about models:
 * the trainer is the only place that builds and fits one.
 */
package io.github.keras4j.examples.experiments;
