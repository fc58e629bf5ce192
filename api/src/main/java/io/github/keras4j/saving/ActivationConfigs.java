package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.keras4j.activations.ActivationFunction;
import io.github.keras4j.activations.Activations;
import io.github.keras4j.activations.Elu;
import io.github.keras4j.activations.Gelu;
import io.github.keras4j.activations.LeakyRelu;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Activations in Keras configs. Keras writes a built-in activation as its identifier ({@code "relu"}) and
 * reads it back with the function's defaults. keras4j's activations carry Keras' identifiers, so the core
 * registry does the mapping and a new activation in core needs nothing here, except:
 * <ul>
 *   <li>{@link #KERAS_NAMES}: identifiers Keras 3 spells differently when it writes them ({@code swish} is
 *   written {@code silu}); reading accepts both spellings through the registry.</li>
 *   <li>{@link #SETTINGS}: an activation with a setting other than Keras' default (a leaky_relu slope of
 *   0.1) has no Keras config, since an identifier cannot carry it; saving fails naming the setting instead
 *   of writing a model that would load with a different function.</li>
 * </ul>
 */
final class ActivationConfigs {
    /** keras4j identifier -> the identifier Keras 3 writes for the same function. */
    static final Map<String, String> KERAS_NAMES = Map.of("swish", "silu");

    /** A setting of a parameterised activation: its Keras argument name, its value, and Keras' default. */
    record Setting<A extends ActivationFunction>(Class<A> type, String kerasName, Function<A, Object> value, Object kerasDefault) {
        /** The setting's value when {@code activation} is of this type and differs from Keras' default, else null. */
        Object nonDefault(ActivationFunction activation) {
            if (!type.isInstance(activation)) {
                return null;
            }
            Object v = value.apply(type.cast(activation));
            return v.equals(kerasDefault) ? null : v;
        }
    }

    /** The settings of keras4j's parameterised activations, with the defaults Keras uses when it reads the identifier. */
    static final List<Setting<?>> SETTINGS = List.of(
            new Setting<>(LeakyRelu.class, "negative_slope", LeakyRelu::negativeSlope, LeakyRelu.DEFAULT_NEGATIVE_SLOPE),
            new Setting<>(Elu.class, "alpha", Elu::alpha, Elu.DEFAULT_ALPHA),
            new Setting<>(Gelu.class, "approximate", Gelu::approximate, Gelu.DEFAULT_APPROXIMATE));

    private ActivationConfigs() {
    }

    /** Keras' serialized form: the identifier Keras 3 writes. */
    static String write(ActivationFunction activation, String owner) {
        for (Setting<?> p : SETTINGS) {
            Object v = p.nonDefault(activation);
            if (v != null) {
                throw new IllegalArgumentException(owner + " uses the activation " + activation.name() + " with " + p.kerasName() + "="
                        + v + ", which a Keras config cannot hold: Keras writes activations by name and reads them back with "
                        + p.kerasName() + "=" + p.kerasDefault() + ". Use the default to save the model, or save the weights alone.");
            }
        }
        return KERAS_NAMES.getOrDefault(activation.name(), activation.name());
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
            throw new IllegalArgumentException(owner + " uses the activation '" + id + "', which keras4j does not support. "
                    + unknown.getMessage());
        }
    }
}
