package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.keras4j.layers.Shape;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.Locale;

/**
 * The JSON shapes Keras' {@code serialize_keras_object} produces: the envelope
 * {@code {"module", "class_name", "config", "registered_name"}}, dtype policies, shapes with a
 * {@code null} batch axis, and Keras' snake-case names.
 */
final class KerasJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private KerasJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** {@code {"module": module, "class_name": className, "config": config, "registered_name": null}}. */
    static ObjectNode serialized(String module, String className, ObjectNode config) {
        ObjectNode o = object();
        o.put("module", module);
        o.put("class_name", className);
        o.set("config", config);
        o.putNull("registered_name");
        return o;
    }

    /** The class name of a serialized object, with a message naming {@code what} when it has none. */
    static String className(JsonNode serialized, String what) {
        JsonNode c = serialized == null ? null : serialized.get("class_name");
        if (c == null || !c.isTextual()) {
            throw new IllegalArgumentException(what + " has no 'class_name'; expected a serialized Keras object such as "
                    + "{\"class_name\": \"Dense\", \"config\": {...}}, got " + (serialized == null ? "nothing"
                    : ConfigReader.abbreviate(serialized)));
        }
        return c.asText();
    }

    /**
     * The name inside Keras 3's envelope of a function ({@code {"module": "keras.losses", "class_name": "function",
     * "config": "mse", "registered_name": "mse"}}; a function Keras could not place is written with module
     * {@code builtins}), or null when {@code value} is no such envelope. Keras 3 writes it for a loss, metric or
     * activation passed as a function rather than a string.
     */
    static String functionName(JsonNode value) {
        if (value != null && value.isObject() && "function".equals(value.path("class_name").asText(null))
                && value.path("config").isTextual()) {
            return value.get("config").asText();
        }
        return null;
    }

    /** Keras' {@code DTypePolicy} object for a layer computing in {@code type}. */
    static ObjectNode dtypePolicy(DataType type) {
        ObjectNode config = object();
        config.put("name", dtypeName(type));
        return serialized("keras", "DTypePolicy", config);
    }

    static String dtypeName(DataType type) {
        return type == DataType.DOUBLE ? "float64" : "float32";
    }

    /**
     * The data type of a layer's {@code dtype}: a string ({@code "float32"}, tf.keras 2) or a DTypePolicy
     * object (Keras 3). Only float32 and float64 policies are supported; mixed precision is not.
     */
    static DataType readDtype(JsonNode dtype, String owner) {
        if (dtype == null || dtype.isNull()) {
            return DataType.FLOAT;
        }
        String name;
        if (dtype.isTextual()) {
            name = dtype.asText();
        } else if (dtype.isObject()) {
            JsonNode config = dtype.get("config");
            JsonNode n = config == null ? null : config.get("name");
            if (n == null || !n.isTextual()) {
                throw new IllegalArgumentException(owner + " has a dtype policy without a name: " + ConfigReader.abbreviate(dtype));
            }
            name = n.asText();
        } else {
            throw new IllegalArgumentException(owner + " has dtype=" + ConfigReader.abbreviate(dtype) + "; expected a dtype name");
        }
        switch (name) {
            case "float32":
                return DataType.FLOAT;
            case "float64":
                return DataType.DOUBLE;
            default:
                throw new IllegalArgumentException(owner + " uses the dtype policy '" + name
                        + "', which keras4j does not support; keras4j computes in float32 (or float64).");
        }
    }

    /** {@code [null, d1, d2, ...]}: a sample shape with Keras' unknown batch axis. */
    static ArrayNode batchShape(Shape shape) {
        ArrayNode a = MAPPER.createArrayNode();
        a.addNull();
        for (int d : shape.dims()) {
            a.add(d);
        }
        return a;
    }

    /**
     * The sample shape of a Keras batch shape {@code [null, 28, 28]}; the batch axis (null or a fixed size)
     * is dropped, every other axis must be a known positive size.
     */
    static Shape readBatchShape(JsonNode batchShape, String owner) {
        if (batchShape == null || !batchShape.isArray() || batchShape.size() < 2) {
            throw new IllegalArgumentException(owner + " has input shape " + (batchShape == null ? "null"
                    : ConfigReader.abbreviate(batchShape)) + "; expected a batch shape such as [null, 784]");
        }
        int[] dims = new int[batchShape.size() - 1];
        for (int i = 1; i < batchShape.size(); i++) {
            JsonNode d = batchShape.get(i);
            if (d == null || !d.canConvertToExactIntegral() || d.asLong() < 1 || d.asLong() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(owner + " has input shape " + ConfigReader.abbreviate(batchShape)
                        + " with an unknown or invalid size on axis " + i + "; keras4j needs every axis but the batch "
                        + "to have a fixed size");
            }
            dims[i - 1] = d.asInt();
        }
        return Shape.of(dims);
    }

    /** A JSON array of the ints, as Keras writes tuples ({@code "target_shape": [28, 28, 1]}). */
    static ArrayNode ints(int[] values) {
        ArrayNode a = MAPPER.createArrayNode();
        for (int v : values) {
            a.add(v);
        }
        return a;
    }

    /** The ints of a JSON array of integers (or of one integer, which Keras also accepts for a tuple). */
    static int[] readInts(JsonNode value, String what) {
        if (value != null && value.isIntegralNumber() && value.canConvertToInt()) {
            return new int[] {value.asInt()};
        }
        if (value == null || !value.isArray() || value.isEmpty()) {
            throw new IllegalArgumentException(what + " must be a list of integers, got " + (value == null ? "nothing" : ConfigReader.abbreviate(value)));
        }
        int[] out = new int[value.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = value.get(i);
            if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
                throw new IllegalArgumentException(what + " must be a list of integers, got " + ConfigReader.abbreviate(value));
            }
            out[i] = v.asInt();
        }
        return out;
    }

    /** Keras' {@code naming.to_snake_case}: {@code MaxPooling2D} -> {@code max_pooling2d}. */
    static String snakeCase(String className) {
        String s = className.replaceAll("\\W+", "");
        s = s.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
        s = s.replaceAll("([a-z])([A-Z])", "$1_$2");
        return s.toLowerCase(Locale.ROOT);
    }
}
