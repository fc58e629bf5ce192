package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The options Keras' convolution and pooling configs share: pairs written as lists ({@code "kernel_size": [3, 3]}, or
 * a single integer for both axes), {@code padding}, and {@code data_format}, which keras4j takes as channels-last only.
 */
final class ImageConfigs {
    private ImageConfigs() {
    }

    /** {@code key} as (height, width): a list of two integers or one integer for both; {@code fallback} when absent or null. */
    static int[] pair(ConfigReader c, String key, int[] fallback) {
        JsonNode v = c.raw(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return new int[] {v.asInt(), v.asInt()};
        }
        int[] values = KerasJson.readInts(v, c.owner() + "'s " + key);
        if (values.length != 2) {
            throw c.invalid(key, v, "two integers (height, width)");
        }
        return values;
    }

    /** Refuses channels-first images, which keras4j does not compute, with the way out. */
    static void channelsLast(ConfigReader c) {
        JsonNode v = c.raw("data_format");
        if (v == null || v.isNull() || "channels_last".equals(v.asText())) {
            return;
        }
        throw new IllegalArgumentException(c.owner() + " uses data_format=" + ConfigReader.abbreviate(v) + ", but keras4j takes"
                + " channels-last images only, (batch, height, width, channels). Rebuild the model in Keras with"
                + " data_format=\"channels_last\" (Keras' default) and copy its weights over before saving.");
    }

    static void putPair(ObjectNode config, String key, int[] values) {
        config.set(key, KerasJson.ints(values));
    }
}
