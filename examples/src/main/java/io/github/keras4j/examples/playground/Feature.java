package io.github.keras4j.examples.playground;

import java.util.function.DoubleBinaryOperator;

/**
 * The Playground's seven input features, in its order (the order of the network's inputs), each with the name
 * of its URL parameter and the label the page shows.
 */
public enum Feature {
    X("x", "X₁", (x, y) -> x),
    Y("y", "X₂", (x, y) -> y),
    X_SQUARED("xSquared", "X₁²", (x, y) -> x * x),
    Y_SQUARED("ySquared", "X₂²", (x, y) -> y * y),
    X_TIMES_Y("xTimesY", "X₁X₂", (x, y) -> x * y),
    SIN_X("sinX", "sin(X₁)", (x, y) -> Math.sin(x)),
    SIN_Y("sinY", "sin(X₂)", (x, y) -> Math.sin(y));

    private final String parameter;
    private final String label;
    private final DoubleBinaryOperator f;

    Feature(String parameter, String label, DoubleBinaryOperator f) {
        this.parameter = parameter;
        this.label = label;
        this.f = f;
    }

    /** The URL parameter that switches the feature on, e.g. {@code xSquared}. */
    public String parameter() {
        return parameter;
    }

    /** The label shown beside the feature's node, e.g. {@code X₁²}. */
    public String label() {
        return label;
    }

    /** The feature's value at the point (x, y). */
    public double of(double x, double y) {
        return f.applyAsDouble(x, y);
    }
}
