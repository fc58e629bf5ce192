package io.github.keras4j.initializers;

import io.github.keras4j.engine.Registry;

import java.util.List;

/** Initializers by Keras identifier: {@code Initializers.get("he_normal")}. */
public final class Initializers {
    private static final Registry<Initializer> REGISTRY = new Registry<Initializer>("initializer")
            .register(GlorotUniform::new, "glorot_uniform")
            .register(Zeros::new, "zeros");

    private Initializers() {
    }

    public static Initializer get(String id) {
        return REGISTRY.get(id);
    }

    public static List<String> ids() {
        return REGISTRY.ids();
    }
}
