package io.github.keras4j.activations;

import io.github.keras4j.engine.Registry;

import java.util.List;

/**
 * Activation functions by Keras identifier: {@code Activations.get("relu")}. Identifiers are Keras'
 * function names, with their Keras defaults ({@code leaky_relu} slope {@value LeakyRelu#DEFAULT_NEGATIVE_SLOPE},
 * {@code elu} alpha {@value Elu#DEFAULT_ALPHA}, {@code gelu} approximate {@value Gelu#DEFAULT_APPROXIMATE});
 * {@code silu} is an alias of {@code swish}.
 */
public final class Activations {
    private static final Registry<ActivationFunction> REGISTRY = new Registry<ActivationFunction>("activation")
            .register(Linear::new, "linear")
            .register(Sigmoid::new, "sigmoid")
            .register(Tanh::new, "tanh")
            .register(Relu::new, "relu")
            .register(Softmax::new, "softmax")
            .register(LeakyRelu::new, "leaky_relu")
            .register(Elu::new, "elu")
            .register(Selu::new, "selu")
            .register(Softplus::new, "softplus")
            .register(Softsign::new, "softsign")
            .register(HardSigmoid::new, "hard_sigmoid")
            .register(Swish::new, "swish", "silu")
            .register(Gelu::new, "gelu")
            .register(Exponential::new, "exponential");

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
