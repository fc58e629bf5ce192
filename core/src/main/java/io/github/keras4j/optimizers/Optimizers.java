package io.github.keras4j.optimizers;

import io.github.keras4j.engine.Registry;

import java.util.List;

/** Optimizers by Keras identifier with Keras' defaults: {@code Optimizers.get("adam")}. */
public final class Optimizers {
    private static final Registry<Optimizer> REGISTRY = new Registry<Optimizer>("optimizer")
            .register(SGD::new, "sgd")
            .register(Adam::new, "adam")
            .register(RMSprop::new, "rmsprop")
            .register(Adagrad::new, "adagrad")
            .register(AdamW::new, "adamw")
            .register(Nadam::new, "nadam")
            .register(Adamax::new, "adamax")
            .register(Adadelta::new, "adadelta");

    private Optimizers() {
    }

    /** A new optimizer for {@code id} with Keras' defaults; unknown ids fail listing the known ones. */
    public static Optimizer get(String id) {
        return REGISTRY.get(id);
    }

    /** The known identifiers, sorted. */
    public static List<String> ids() {
        return REGISTRY.ids();
    }
}
