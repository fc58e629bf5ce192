package io.github.keras4j.metrics;

import io.github.keras4j.engine.Registry;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Metrics by Keras identifier. A metric is reported under the identifier it was asked for
 * ({@code "acc"}, {@code "mse"}), as Keras does for string metrics.
 *
 * <p>{@code "accuracy"} and {@code "acc"} are resolved from the shapes, with Keras' rule: a model
 * output of width 1 means {@link BinaryAccuracy}; labels of lower rank than the output, or of width 1
 * against a wider output, mean {@link SparseCategoricalAccuracy}; otherwise {@link CategoricalAccuracy}.
 */
public final class Metrics {
    private static final Registry<Function<String, Metric>> REGISTRY = new Registry<Function<String, Metric>>("metric")
            .register(of(CategoricalAccuracy::new), "accuracy", "acc")
            .register(of(CategoricalAccuracy::new), "categorical_accuracy")
            .register(of(SparseCategoricalAccuracy::new), "sparse_categorical_accuracy")
            .register(of(BinaryAccuracy::new), "binary_accuracy")
            .register(of(MeanSquaredError::new), "mean_squared_error", "mse")
            .register(of(MeanAbsoluteError::new), "mean_absolute_error", "mae");

    private Metrics() {
    }

    /** Checks that {@code id} names a metric; unknown ones fail listing the known ones. */
    public static void check(String id) {
        REGISTRY.get(id);
    }

    /** The known identifiers. */
    public static List<String> ids() {
        return REGISTRY.ids();
    }

    /**
     * A new metric for {@code id}, named {@code id}, for labels of shape {@code yTrueShape} and model
     * outputs of shape {@code yPredShape} (both with the batch axis).
     */
    public static Metric get(String id, long[] yTrueShape, long[] yPredShape) {
        Function<String, Metric> factory = REGISTRY.get(id);
        if (!isAccuracy(id)) {
            return factory.apply(id);
        }
        long predWidth = yPredShape[yPredShape.length - 1];
        boolean binary = predWidth == 1;
        boolean sparse = yTrueShape.length < yPredShape.length || (yTrueShape[yTrueShape.length - 1] == 1 && predWidth > 1);
        if (binary) {
            return new BinaryAccuracy(id);
        }
        return sparse ? new SparseCategoricalAccuracy(id) : new CategoricalAccuracy(id);
    }

    /** True for {@code "accuracy"} and {@code "acc"}, whose kind depends on the labels. */
    public static boolean isAccuracy(String id) {
        String lower = id.trim().toLowerCase(Locale.ROOT);
        return lower.equals("accuracy") || lower.equals("acc");
    }

    private static Supplier<Function<String, Metric>> of(Function<String, Metric> factory) {
        return () -> factory;
    }
}
