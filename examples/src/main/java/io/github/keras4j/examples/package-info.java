/**
 * Runnable MNIST lessons behind one command line ({@link io.github.keras4j.examples.Main}). A lesson is a
 * {@link io.github.keras4j.examples.Lesson} registered with one line in {@link io.github.keras4j.examples.Lessons};
 * it declares comparisons and trains them through its {@link io.github.keras4j.examples.LessonContext}, which
 * runs every variant with every seed and writes the CSV, tables and plots.
 */
package io.github.keras4j.examples;
