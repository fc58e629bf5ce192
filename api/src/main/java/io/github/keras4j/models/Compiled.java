package io.github.keras4j.models;

import io.github.keras4j.losses.Loss;
import io.github.keras4j.optimizers.Optimizer;

import java.util.List;

/** What compile configured: the optimizer, the loss and the metric identifiers, in order. */
record Compiled(Optimizer optimizer, Loss loss, List<String> metrics) {
}
