package io.github.keras4j.metrics;

/**
 * A metric (Keras' {@code keras.metrics.Metric}): state accumulated batch by batch, read with
 * {@link #result()} and cleared with {@link #reset()} at the start of each epoch.
 *
 * <p>{@link #update} works on staged arrays, as the engine's losses do: {@code yTrue} holds
 * {@code rows x trueWidth} labels (one-hot rows, or one class index per row when {@code trueWidth} is 1)
 * and {@code yPred} holds {@code rows x width} predictions.
 */
public interface Metric {
    /** The name it is reported under, e.g. {@code "acc"} or {@code "val_acc"} once prefixed. */
    String name();

    /** Forgets everything accumulated. */
    void reset();

    /** Adds one batch. */
    void update(double[] yTrue, double[] yPred, int rows, int width, int trueWidth);

    /** The value over everything added since the last reset; 0 before any update, as in Keras. */
    double result();
}
