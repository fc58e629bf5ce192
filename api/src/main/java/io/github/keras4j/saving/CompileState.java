package io.github.keras4j.saving;

import io.github.keras4j.losses.Loss;
import io.github.keras4j.optimizers.Optimizer;

import java.util.List;
import java.util.Objects;

/**
 * What {@code compile} set on a model: the optimizer (with its step count and slots, so training resumes
 * where it stopped), the loss and the metric names as the user wrote them ({@code "acc"}, {@code "accuracy"}).
 */
public record CompileState(Optimizer optimizer, Loss loss, List<String> metrics) {
    public CompileState {
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(loss, "loss");
        metrics = List.copyOf(metrics == null ? List.of() : metrics);
    }
}
