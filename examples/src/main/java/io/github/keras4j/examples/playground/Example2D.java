package io.github.keras4j.examples.playground;

/** One data point of the Playground: its coordinates and its label (±1 for classification, a value for regression). */
public record Example2D(double x, double y, double label) {
}
