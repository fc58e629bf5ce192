package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random edits of a Keras config that keep it valid JSON, so that they reach the config readers: a value
 * replaced by another (of any type, including sizes near the limits of int and long, Keras identifiers and
 * class names), a key or element removed, a Keras option added.
 */
final class JsonEdits {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] VALUES = {
        "null", "true", "false", "0", "-1", "1", "2", "0.5", "-0.0", "1e-45", "1e300", "-1e300", "2147483647", "2147483648",
        "9223372036854775807", "100000000", "65536", "\"\"", "\"x\"", "\"relu\"", "\"silu\"", "\"leaky_relu\"", "\"Dense\"",
        "\"Conv2D\"", "\"InputLayer\"", "\"float16\"", "\"float64\"", "\"fan_sum\"", "\"normal\"", "\"RMSprop\"", "\"Adagrad\"",
        "\"VarianceScaling\"", "\"Orthogonal\"", "\"Hinge\"", "\"hinge\"", "[]", "{}", "[null]", "[null, 5]", "[null, 0]",
        "[null, 2147483647]", "{\"class_name\": \"Foo\"}", "{\"class_name\": \"Dense\", \"config\": {}}",
        "{\"class_name\": \"Zeros\", \"config\": {}}", "{\"class_name\": \"L2\", \"config\": {\"l2\": 0.5}}"};
    private static final String[] KEYS = {
        "seed", "units", "input_axes", "clipnorm", "momentum", "centered", "label_smoothing", "batch_shape", "build_config",
        "class_name", "config", "activation", "dtype", "layers", "compile_config", "trainable", "rho", "input_shape",
        "learning_rate", "kernel_regularizer", "scale", "mode", "distribution", "value", "from_logits", "initial_accumulator_value"};

    private JsonEdits() {
    }

    /** A copy of {@code root} with {@code edits} random edits. */
    static JsonNode apply(JsonNode root, SplittableRandom random, int edits) throws Exception {
        JsonNode copy = root.deepCopy();
        for (int e = 0; e < edits; e++) {
            List<JsonNode> containers = new ArrayList<>();
            collect(copy, containers);
            JsonNode target = containers.get(random.nextInt(containers.size()));
            if (target instanceof ObjectNode o) {
                edit(o, random);
            } else {
                edit((ArrayNode) target, random);
            }
        }
        return copy;
    }

    private static void edit(ObjectNode o, SplittableRandom random) throws Exception {
        List<String> keys = new ArrayList<>();
        o.fieldNames().forEachRemaining(keys::add);
        int op = random.nextInt(4);
        if (keys.isEmpty() || op == 0) {
            o.set(KEYS[random.nextInt(KEYS.length)], value(random));
        } else if (op == 1) {
            o.remove(keys.get(random.nextInt(keys.size())));
        } else {
            o.set(keys.get(random.nextInt(keys.size())), value(random));
        }
    }

    private static void edit(ArrayNode a, SplittableRandom random) throws Exception {
        int op = random.nextInt(3);
        if (a.isEmpty() || op == 0) {
            a.insert(random.nextInt(a.size() + 1), value(random));
        } else if (op == 1) {
            a.remove(random.nextInt(a.size()));
        } else {
            a.set(random.nextInt(a.size()), value(random));
        }
    }

    private static JsonNode value(SplittableRandom random) throws Exception {
        return MAPPER.readTree(VALUES[random.nextInt(VALUES.length)]);
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collect(it.next(), containers);
            }
        }
    }
}
