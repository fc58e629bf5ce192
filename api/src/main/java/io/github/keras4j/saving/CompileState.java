package io.github.keras4j.saving;

import io.github.keras4j.losses.Loss;
import io.github.keras4j.optimizers.Optimizer;

import java.util.List;
import java.util.Objects;

/**
 * What {@code compile} set on a model: the optimizer (with its step count and slots, so training resumes
 * where it stopped), the loss and the metric names as the user wrote them ({@code "acc"}, {@code "accuracy"}).
 *
 * <p>{@code optimizerStored} is false for a file whose compile config names no optimizer (Keras 3.11 on can
 * write one): Keras then compiles with its default, {@code "rmsprop"}, and the optimizer variables the file
 * holds belong to another optimizer, so they are not restored.
 */
public record CompileState(Optimizer optimizer, Loss loss, List<String> metrics, boolean optimizerStored) {
    public CompileState {
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(loss, "loss");
        metrics = List.copyOf(metrics == null ? List.of() : metrics);
    }

    /** The state of a model compiled with {@code optimizer}. */
    public CompileState(Optimizer optimizer, Loss loss, List<String> metrics) {
        this(optimizer, loss, metrics, true);
    }
}
