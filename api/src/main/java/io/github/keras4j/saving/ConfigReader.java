package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads one Keras {@code config} object with typed getters that remember which keys were read, so that
 * keras4j can reject options it does not understand instead of silently dropping them: after a
 * {@link LayerCodec} has read a layer's config, every key it neither read nor {@link #ignore ignored} fails the
 * load unless its value is neutral (null, false, 0, empty). Every error names the owner
 * ({@code layer 'dense_1' (Dense, index 1)}), the key and the value found.
 */
public final class ConfigReader {
    private final JsonNode node;
    private final String owner;
    private final Set<String> read = new HashSet<>();

    /** @param owner how messages name what this config belongs to, e.g. {@code layer 'dense' (Dense)} */
    ConfigReader(JsonNode node, String owner) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("the config of " + owner + " must be a JSON object, got "
                    + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
        }
        this.node = node;
        this.owner = owner;
    }

    /** How messages name what this config belongs to, e.g. {@code layer 'dense' (Dense, index 1)}. */
    public String owner() {
        return owner;
    }

    /** True when the key is present with a non-null value. */
    public boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    /** The raw value (null when absent or JSON null), marking the key as read. */
    public JsonNode raw(String key) {
        read.add(key);
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v;
    }

    /** The string at {@code key}, or {@code fallback} when absent or null. */
    public String string(String key, String fallback) {
        JsonNode v = raw(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isTextual()) {
            throw invalid(key, v, "a string");
        }
        return v.asText();
    }

    /** The integer at {@code key}, which must be present. */
    public int requireInt(String key) {
        JsonNode v = raw(key);
        if (v == null) {
            throw new IllegalArgumentException(owner + " has no '" + key + "' in its config; Keras always writes it");
        }
        if (!v.canConvertToExactIntegral() || !v.canConvertToInt()) {
            throw invalid(key, v, "an integer");
        }
        return v.asInt();
    }

    /** A number Keras always writes (a schedule's {@code decay_steps}); missing or not a number fails naming the key. */
    public double requireNumber(String key) {
        JsonNode v = raw(key);
        if (v == null) {
            throw new IllegalArgumentException(owner + " has no '" + key + "' in its config; Keras always writes it");
        }
        if (!v.isNumber()) {
            throw invalid(key, v, "a number");
        }
        return v.asDouble();
    }

    public double number(String key, double fallback) {
        JsonNode v = raw(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw invalid(key, v, "a number");
        }
        return v.asDouble();
    }

    public boolean bool(String key, boolean fallback) {
        JsonNode v = raw(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw invalid(key, v, "true or false");
        }
        return v.asBoolean();
    }

    /** An integer that may be null, such as a seed. */
    public Long optionalLong(String key) {
        JsonNode v = raw(key);
        if (v == null) {
            return null;
        }
        if (!v.canConvertToExactIntegral() || !v.canConvertToLong()) {
            throw invalid(key, v, "an integer or null");
        }
        return v.asLong();
    }

    /**
     * The object {@code reader} makes from this config. A value the object's constructor rejects (a
     * negative stddev, a rho of 1) fails with the constructor's message prefixed by the owner.
     */
    <T> T create(Function<ConfigReader, T> reader) {
        try {
            return reader.apply(this);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(owner)) {
                throw e;
            }
            throw new IllegalArgumentException(owner + " has an invalid config: " + e.getMessage(), e);
        }
    }

    /** Marks keys as read whatever their value: options that do not change what keras4j computes. */
    public void ignore(String... keys) {
        read.addAll(List.of(keys));
    }

    /**
     * Accepts the key when it is absent, null, or equal to one of {@code supported} (compared as JSON text);
     * any other value is an option keras4j does not support.
     */
    public void expect(String key, String... supported) {
        JsonNode v = raw(key);
        if (v == null) {
            return;
        }
        for (String s : supported) {
            if (matches(v, s)) {
                return;
            }
        }
        throw unsupported(key, v);
    }

    /** Rejects every key not read yet whose value would change the model (not null, false, 0 or empty). */
    void finish() {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!read.contains(key) && !isNeutral(node.get(key))) {
                unknown.add(key + "=" + abbreviate(node.get(key)));
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(owner + " uses option" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + " that keras4j does not support. Remove "
                    + (unknown.size() > 1 ? "them" : "it") + " in Keras before saving, or load the weights into a "
                    + "keras4j model built without it.");
        }
    }

    IllegalArgumentException unsupported(String key, JsonNode value) {
        return new IllegalArgumentException(owner + " uses " + key + "=" + abbreviate(value)
                + ", which keras4j does not support.");
    }

    IllegalArgumentException invalid(String key, JsonNode value, String expected) {
        return new IllegalArgumentException(owner + " has " + key + "=" + abbreviate(value) + " in its config; expected "
                + expected + ".");
    }

    private static boolean matches(JsonNode v, String literal) {
        if (v.isTextual()) {
            return v.asText().equals(literal);
        }
        if (v.isNumber()) {
            try {
                return v.asDouble() == Double.parseDouble(literal);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return v.toString().equals(literal);
    }

    private static boolean isNeutral(JsonNode v) {
        return v == null || v.isNull() || (v.isBoolean() && !v.asBoolean()) || (v.isNumber() && v.asDouble() == 0)
                || (v.isContainerNode() && v.isEmpty()) || (v.isTextual() && v.asText().isEmpty());
    }

    static String abbreviate(JsonNode v) {
        String s = v.toString();
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
