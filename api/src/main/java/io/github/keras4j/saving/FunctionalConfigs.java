package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras' Functional model config ({@code class_name} {@code "Functional"}, tf.keras 2.0-2.3's {@code "Model"}) read
 * as the Sequential model it is equivalent to when its graph is a chain: one InputLayer, each other layer called
 * once on the output of the one before, the last one the model's output. keras4j computes such a model exactly as
 * Keras does, so it loads as a Sequential model (and is saved back as one).
 *
 * <p>Each layer names what it was called on in {@code inbound_nodes}: Keras 3 writes one node per call as
 * {@code {"args": [{"class_name": "__keras_tensor__", "config": {"keras_history": ["dense", 0, 0], ...}}],
 * "kwargs": {}}}, tf.keras 2 as a list of {@code [layer, node, tensor, kwargs]} entries
 * ({@code [[["input_1", 0, 0, {}]]]}). The model's {@code input_layers} and {@code output_layers} are lists of
 * {@code [layer, node, tensor]} (Keras 3 writes a single one without the outer list). Any other graph (several
 * inputs or outputs, a layer taking several tensors or called twice, a branch) is refused, naming what makes it
 * no chain.
 */
final class FunctionalConfigs {
    private FunctionalConfigs() {
    }

    /** True for the class names Keras gives a Functional model. */
    static boolean isFunctional(String className) {
        return className.equals("Functional") || className.equals("Model");
    }

    /** The Sequential config of a Functional config whose graph is a chain; refuses any other graph. */
    static ObjectNode asSequential(JsonNode root) {
        JsonNode config = root.get("config");
        if (config == null || !config.isObject() || !config.path("layers").isArray()) {
            throw new IllegalArgumentException("the Functional model config has no list of layers");
        }
        String name = config.path("name").asText("functional");
        Map<String, JsonNode> layers = new LinkedHashMap<>();
        for (JsonNode layer : config.get("layers")) {
            String layerName = layer.path("name").isTextual() ? layer.get("name").asText() : layer.path("config").path("name").asText(null);
            if (layerName == null) {
                throw new IllegalArgumentException("a layer of the Functional model '" + name + "' has no name: " + ConfigReader.abbreviate(layer));
            }
            layers.put(layerName, layer);
        }
        List<String> inputs = endpoints(config.get("input_layers"), name, "input_layers");
        List<String> outputs = endpoints(config.get("output_layers"), name, "output_layers");
        if (inputs.size() != 1 || outputs.size() != 1) {
            throw notAChain(name, "it has " + inputs.size() + " input" + (inputs.size() == 1 ? "" : "s") + " (" + String.join(", ", inputs)
                    + ") and " + outputs.size() + " output" + (outputs.size() == 1 ? "" : "s") + " (" + String.join(", ", outputs) + ")");
        }
        // Walk back from the output to the input, one parent per layer.
        List<String> chain = new ArrayList<>();
        String current = outputs.get(0);
        while (true) {
            JsonNode layer = layers.get(current);
            if (layer == null) {
                throw new IllegalArgumentException("the Functional model '" + name + "' refers to a layer '" + current + "' that it does not list");
            }
            if (chain.contains(current)) {
                throw notAChain(name, "layer '" + current + "' is reached twice");
            }
            chain.add(current);
            if (current.equals(inputs.get(0))) {
                break;
            }
            if ("InputLayer".equals(layer.path("class_name").asText())) {
                throw notAChain(name, "the output is computed from the input layer '" + current + "', not from the model's input '"
                        + inputs.get(0) + "'");
            }
            current = parent(layer, current, name);
        }
        if (!"InputLayer".equals(layers.get(inputs.get(0)).path("class_name").asText())) {
            throw notAChain(name, "its input '" + inputs.get(0) + "' is a " + layers.get(inputs.get(0)).path("class_name").asText()
                    + " layer, not an InputLayer");
        }
        for (String layerName : layers.keySet()) {
            if (!chain.contains(layerName)) {
                throw notAChain(name, "layer '" + layerName + "' (" + layers.get(layerName).path("class_name").asText()
                        + ") is not on the path from the input '" + inputs.get(0) + "' to the output '" + outputs.get(0) + "'");
            }
        }
        Collections.reverse(chain);

        ObjectNode sequential = KerasJson.object();
        sequential.put("name", name);
        if (config.has("trainable")) {
            sequential.set("trainable", config.get("trainable"));
        }
        ArrayNode list = sequential.putArray("layers");
        for (String layerName : chain) {
            ObjectNode layer = layers.get(layerName).deepCopy();
            layer.remove("inbound_nodes");
            layer.remove("name");
            list.add(layer);
        }
        ObjectNode out = KerasJson.object();
        out.put("class_name", "Sequential");
        out.set("config", sequential);
        return out;
    }

    /** The layer names of {@code input_layers} or {@code output_layers}: {@code [["in", 0, 0]]} or Keras 3's single {@code ["in", 0, 0]}. */
    private static List<String> endpoints(JsonNode value, String model, String key) {
        if (value == null || !value.isArray() || value.isEmpty()) {
            throw new IllegalArgumentException("the Functional model '" + model + "' has no " + key);
        }
        List<String> names = new ArrayList<>();
        if (value.get(0).isTextual()) {
            names.add(value.get(0).asText());
            return names;
        }
        for (JsonNode e : value) {
            if (!e.isArray() || e.isEmpty() || !e.get(0).isTextual()) {
                throw new IllegalArgumentException("the Functional model '" + model + "' has " + key + "=" + ConfigReader.abbreviate(value)
                        + "; expected entries such as [\"input_layer\", 0, 0]");
            }
            names.add(e.get(0).asText());
        }
        return names;
    }

    /** The one layer whose output {@code layer} takes, in Keras 3's or tf.keras 2's form of {@code inbound_nodes}. */
    private static String parent(JsonNode layer, String layerName, String model) {
        String type = layer.path("class_name").asText();
        JsonNode nodes = layer.get("inbound_nodes");
        if (nodes == null || !nodes.isArray() || nodes.isEmpty()) {
            throw notAChain(model, "layer '" + layerName + "' (" + type + ") is called on nothing");
        }
        if (nodes.size() > 1) {
            throw notAChain(model, "layer '" + layerName + "' (" + type + ") is called " + nodes.size() + " times (a shared layer)");
        }
        JsonNode node = nodes.get(0);
        List<String> parents = new ArrayList<>();
        if (node.isObject()) { // Keras 3
            collectHistories(node.path("args"), parents);
            JsonNode kwargs = node.path("kwargs");
            for (Iterator<Map.Entry<String, JsonNode>> it = kwargs.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                List<String> tensors = new ArrayList<>();
                collectHistories(e.getValue(), tensors);
                if (!tensors.isEmpty() || !(e.getValue().isNull() || (e.getValue().isBoolean() && !e.getValue().asBoolean()))) {
                    throw notAChain(model, "layer '" + layerName + "' (" + type + ") is called with " + e.getKey() + "="
                            + ConfigReader.abbreviate(e.getValue()));
                }
            }
        } else if (node.isArray()) { // tf.keras 2: [[layer, node, tensor, kwargs], ...]
            for (JsonNode entry : node) {
                if (!entry.isArray() || entry.isEmpty() || !entry.get(0).isTextual()) {
                    throw new IllegalArgumentException("layer '" + layerName + "' of the Functional model '" + model + "' has inbound_nodes="
                            + ConfigReader.abbreviate(nodes) + "; expected entries such as [\"input_1\", 0, 0, {}]");
                }
                parents.add(entry.get(0).asText());
                JsonNode kwargs = entry.size() > 3 ? entry.get(3) : null;
                if (kwargs != null && kwargs.isObject() && !kwargs.isEmpty()) {
                    throw notAChain(model, "layer '" + layerName + "' (" + type + ") is called with " + ConfigReader.abbreviate(kwargs));
                }
            }
        }
        if (parents.size() != 1) {
            throw notAChain(model, "layer '" + layerName + "' (" + type + ") takes " + parents.size() + " inputs ("
                    + String.join(", ", parents) + ")");
        }
        return parents.get(0);
    }

    /** The layer names in the {@code keras_history} of every Keras 3 tensor inside {@code value}. */
    private static void collectHistories(JsonNode value, List<String> out) {
        if (value == null) {
            return;
        }
        if (value.isObject() && "__keras_tensor__".equals(value.path("class_name").asText())) {
            JsonNode history = value.path("config").path("keras_history");
            if (history.isArray() && !history.isEmpty() && history.get(0).isTextual()) {
                out.add(history.get(0).asText());
            }
            return;
        }
        if (value.isContainerNode()) {
            value.forEach(v -> collectHistories(v, out));
        }
    }

    private static IllegalArgumentException notAChain(String model, String why) {
        return new IllegalArgumentException("the file holds the Functional model '" + model + "', whose graph is not a chain from one input"
                + " to one output: " + why + ". keras4j loads Functional models whose layers each take the output of the layer before;"
                + " rebuild the model as a Sequential model in Keras, or build it in keras4j and load the weights alone.");
    }
}
