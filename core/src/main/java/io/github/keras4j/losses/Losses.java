package io.github.keras4j.losses;

import io.github.keras4j.engine.Registry;

import java.util.List;

/** Losses by Keras identifier or alias: {@code Losses.get("mse")}. */
public final class Losses {
    private static final Registry<Loss> REGISTRY = new Registry<Loss>("loss")
            .register(MeanSquaredError::new, "mean_squared_error", "mse", "MSE")
            .register(CategoricalCrossentropy::new, "categorical_crossentropy")
            .register(SparseCategoricalCrossentropy::new, "sparse_categorical_crossentropy")
            .register(MeanAbsoluteError::new, "mean_absolute_error", "mae", "MAE")
            .register(BinaryCrossentropy::new, "binary_crossentropy", "bce", "BCE")
            .register(Hinge::new, "hinge")
            .register(SquaredHinge::new, "squared_hinge")
            .register(CategoricalHinge::new, "categorical_hinge");

    private Losses() {
    }

    public static Loss get(String id) {
        return REGISTRY.get(id);
    }

    public static List<String> ids() {
        return REGISTRY.ids();
    }
}
