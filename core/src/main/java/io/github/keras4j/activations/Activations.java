package io.github.keras4j.activations;

import io.github.keras4j.engine.Registry;

import java.util.List;

/** Activation functions by Keras identifier: {@code Activations.get("relu")}. */
public final class Activations {
    private static final Registry<ActivationFunction> REGISTRY = new Registry<ActivationFunction>("activation")
            .register(Linear::new, "linear")
            .register(Sigmoid::new, "sigmoid")
            .register(Tanh::new, "tanh")
            .register(Relu::new, "relu")
            .register(Softmax::new, "softmax");

    private Activations() {
    }

    /** The activation for a Keras identifier; null means {@code linear}, as in Keras. */
    public static ActivationFunction get(String id) {
        return id == null ? new Linear() : REGISTRY.get(id);
    }

    /** The known identifiers. */
    public static List<String> ids() {
        return REGISTRY.ids();
    }
}
