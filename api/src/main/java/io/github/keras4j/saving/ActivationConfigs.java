package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.keras4j.activations.ActivationFunction;
import io.github.keras4j.activations.Activations;

import java.util.Map;

/**
 * Activations in Keras configs. Keras writes a built-in activation as its identifier ({@code "relu"});
 * keras4j's activations carry the same identifiers, so the core registry does the mapping and a new
 * activation in core needs nothing here. {@link #KERAS_ALIASES} covers identifiers Keras versions spell
 * differently.
 */
final class ActivationConfigs {
    /** Keras identifier -> another spelling of the same function, tried when the first is unknown. */
    static final Map<String, String> KERAS_ALIASES = Map.of(
            "swish", "silu",
            "silu", "swish");

    private ActivationConfigs() {
    }

    /** Keras' serialized form: the identifier. */
    static String write(ActivationFunction activation) {
        return activation.name();
    }

    /**
     * The activation of a config value: an identifier, or Keras' function envelope
     * {@code {"class_name": "function", "config": "relu"}}; null means linear, as in Keras.
     */
    static ActivationFunction read(JsonNode value, String owner) {
        if (value == null || value.isNull()) {
            return Activations.get(null);
        }
        String id;
        if (value.isTextual()) {
            id = value.asText();
        } else if (value.isObject() && value.path("config").isTextual()) {
            id = value.get("config").asText();
        } else {
            throw new IllegalArgumentException(owner + " uses the activation " + ConfigReader.abbreviate(value)
                    + ", which keras4j does not support; keras4j knows the activations " + String.join(", ", Activations.ids()));
        }
        try {
            return Activations.get(id);
        } catch (IllegalArgumentException unknown) {
            String alias = KERAS_ALIASES.get(id);
            if (alias != null && Activations.ids().contains(alias)) {
                return Activations.get(alias);
            }
            throw new IllegalArgumentException(owner + " uses the activation '" + id + "', which keras4j does not support. "
                    + unknown.getMessage());
        }
    }
}
