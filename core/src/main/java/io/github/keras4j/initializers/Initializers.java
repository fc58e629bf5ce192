package io.github.keras4j.initializers;

import io.github.keras4j.engine.Registry;

import java.util.List;

/**
 * Initializers by Keras identifier, with Keras' defaults: {@code Initializers.get("he_normal")}.
 * Keras' short aliases are accepted too: {@code normal}, {@code uniform}, {@code one}, {@code zero}.
 */
public final class Initializers {
    private static final Registry<Initializer> REGISTRY = new Registry<Initializer>("initializer")
            .register(GlorotUniform::new, "glorot_uniform")
            .register(GlorotNormal::new, "glorot_normal")
            .register(HeUniform::new, "he_uniform")
            .register(HeNormal::new, "he_normal")
            .register(LecunUniform::new, "lecun_uniform")
            .register(LecunNormal::new, "lecun_normal")
            .register(VarianceScaling::new, "variance_scaling")
            .register(RandomNormal::new, "random_normal", "normal")
            .register(RandomUniform::new, "random_uniform", "uniform")
            .register(TruncatedNormal::new, "truncated_normal")
            .register(Zeros::new, "zeros", "zero")
            .register(Ones::new, "ones", "one")
            .register(Constant::new, "constant");

    private Initializers() {
    }

    /** A new initializer for {@code id}; unknown ids fail listing the known ones. */
    public static Initializer get(String id) {
        return REGISTRY.get(id);
    }

    /** The known identifiers, sorted. */
    public static List<String> ids() {
        return REGISTRY.ids();
    }
}
