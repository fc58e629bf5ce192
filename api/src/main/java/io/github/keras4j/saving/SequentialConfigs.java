package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.keras4j.layers.Layer;
import io.github.keras4j.layers.Shape;
import io.github.keras4j.layers.WeightSpec;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.ArrayList;
import java.util.List;

/**
 * A Sequential model's Keras config, as {@code config.json} and {@code model.to_json()} hold it:
 * the model's name, an {@code InputLayer} with the batch shape, each layer's config with its
 * {@code build_config}, the model's {@code build_config} and its {@code compile_config}.
 *
 * <p>Reading accepts Keras 3 ({@code batch_shape}), tf.keras 2 ({@code batch_input_shape} on the
 * InputLayer or the first layer) and legacy HDF5 configs (no {@code module} keys).
 */
final class SequentialConfigs {
    /** The name Keras gives the input layer of a Sequential model: {@value}. */
    static final String INPUT_LAYER_NAME = "input_layer";
    /** The most values one layer read from a config may hold: about the largest Java array, {@value}. */
    static final long MAX_VARIABLE_SIZE = Integer.MAX_VALUE - 8;

    private SequentialConfigs() {
    }

    static ObjectNode write(ModelDescription model) {
        DataType dataType = model.layers().isEmpty() || !model.layers().get(0).isBuilt()
                ? DataType.FLOAT : model.layers().get(0).dataType();
        ObjectNode config = KerasJson.object();
        config.put("name", model.name());
        config.put("trainable", true);
        config.set("dtype", KerasJson.dtypePolicy(dataType));
        ArrayNode layers = config.putArray("layers");
        if (model.inputShape() != null) {
            ObjectNode input = KerasJson.object();
            input.set("batch_shape", KerasJson.batchShape(model.inputShape()));
            input.put("dtype", KerasJson.dtypeName(dataType));
            input.put("sparse", false);
            input.put("name", INPUT_LAYER_NAME);
            layers.add(KerasJson.serialized(LayerConfigs.MODULE, "InputLayer", input));
        }
        for (Layer layer : model.layers()) {
            layers.add(LayerConfigs.write(layer));
        }
        if (model.inputShape() != null) {
            config.set("build_input_shape", KerasJson.batchShape(model.inputShape()));
        }
        ObjectNode serialized = KerasJson.serialized("keras", "Sequential", config);
        if (model.inputShape() != null) {
            ObjectNode build = KerasJson.object();
            build.set("input_shape", KerasJson.batchShape(model.inputShape()));
            serialized.set("build_config", build);
        }
        if (model.compile() != null) {
            serialized.set("compile_config", CompileConfigs.write(model.compile()));
        }
        return serialized;
    }

    /**
     * The model of a serialized Sequential config: layers named as in the config and, when the input shape
     * is known, built for it (with fresh weights). {@code compileConfig} is read when {@code compile} is set.
     *
     * @param storedValues how many values the weights that come with the config hold in all (Long.MAX_VALUE
     *                     when there are none): layers needing more are refused before they allocate anything
     */
    static ModelDescription read(JsonNode root, JsonNode compileConfig, boolean compile, long storedValues) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the model config must be a JSON object with \"class_name\": \"Sequential\"");
        }
        String className = KerasJson.className(root, "the model config");
        if (FunctionalConfigs.isFunctional(className)) {
            return read(FunctionalConfigs.asSequential(root), compileConfig, compile, storedValues);
        }
        if (!className.equals("Sequential")) {
            throw new IllegalArgumentException("the file holds a " + className + " model; keras4j loads Sequential models, and Functional models"
                    + " whose layers form a chain from one input to one output");
        }
        JsonNode config = root.get("config");
        JsonNode layerList = config != null && config.isArray() ? config : config == null ? null : config.get("layers");
        if (layerList == null || !layerList.isArray()) {
            throw new IllegalArgumentException("the Sequential config has no list of layers");
        }
        String name = config.isObject() && config.path("name").isTextual() ? config.get("name").asText() : null;
        boolean trainable = true;
        if (config.isObject()) {
            ConfigReader c = new ConfigReader(config, "the Sequential model '" + name + "'");
            c.ignore("name", "layers", "build_input_shape", "dtype");
            trainable = c.bool("trainable", true);
            c.finish();
        }

        Shape inputShape = null;
        List<LayerConfigs.ReadLayer> read = new ArrayList<>();
        for (JsonNode layerNode : layerList) {
            if ("InputLayer".equals(layerNode.path("class_name").asText())) {
                if (!read.isEmpty() || inputShape != null) {
                    throw new IllegalArgumentException("the Sequential config has an InputLayer after other layers");
                }
                inputShape = readInputLayer(layerNode.get("config"));
            } else {
                read.add(LayerConfigs.read(layerNode, read.size()));
            }
        }
        if (inputShape == null && !read.isEmpty()) {
            inputShape = read.get(0).declaredInputShape();
        }
        if (inputShape == null && config.isObject() && config.has("build_input_shape") && !config.get("build_input_shape").isNull()) {
            inputShape = KerasJson.readBatchShape(config.get("build_input_shape"), "the Sequential model's build_input_shape");
        }
        if (inputShape == null && root.path("build_config").has("input_shape")) {
            inputShape = KerasJson.readBatchShape(root.get("build_config").get("input_shape"), "the Sequential model's build_config");
        }
        if (inputShape == null && layerList.size() > 0 && layerList.get(0).path("build_config").has("input_shape")) {
            inputShape = KerasJson.readBatchShape(layerList.get(0).get("build_config").get("input_shape"), "the first layer's build_config");
        }

        List<Layer> layers = new ArrayList<>();
        read.forEach(r -> layers.add(r.layer()));
        if (inputShape != null && !layers.isEmpty()) {
            build(read, inputShape, layerList, storedValues);
        }
        if (!trainable) {
            // Keras' model.trainable = False: the model trains none of its weights, as if each layer were frozen.
            layers.forEach(l -> l.trainable(false));
        }
        CompileState compileState = compile ? CompileConfigs.read(compileConfig) : null;
        return new ModelDescription(name, inputShape, layers, compileState);
    }

    private static Shape readInputLayer(JsonNode config) {
        ConfigReader c = new ConfigReader(config, "the InputLayer");
        JsonNode batch = c.raw("batch_shape");
        if (batch == null) {
            batch = c.raw("batch_input_shape");
        }
        Shape shape = KerasJson.readBatchShape(batch, "the InputLayer");
        c.ignore("name", "batch_size");
        DataType type = KerasJson.readDtype(c.raw("dtype"), "the InputLayer");
        if (type != DataType.FLOAT && type != DataType.DOUBLE) {
            throw new IllegalArgumentException("the InputLayer has an unsupported dtype " + type);
        }
        c.expect("sparse", "false");
        c.expect("ragged", "false");
        c.expect("optional", "false");
        c.finish();
        return shape;
    }

    /**
     * Builds each layer for the shape the previous one outputs. Everything is checked before any layer
     * allocates its weights: one dtype for all layers, each layer's {@code build_config} against the shape it
     * receives, no variable larger than a Java array, and all of them together no larger than {@code storedValues}.
     */
    private static void build(List<LayerConfigs.ReadLayer> read, Shape inputShape, JsonNode layerList, long storedValues) {
        DataType dataType = read.get(0).dataType();
        read.get(0).layer().inputShape(inputShape.dims());
        List<JsonNode> configs = new ArrayList<>();
        layerList.forEach(n -> {
            if (!"InputLayer".equals(n.path("class_name").asText())) {
                configs.add(n);
            }
        });
        List<Shape> inputs = new ArrayList<>();
        long total = 0;
        Shape shape = inputShape;
        for (int i = 0; i < read.size(); i++) {
            LayerConfigs.ReadLayer r = read.get(i);
            Layer layer = r.layer();
            layer.setIndex(i);
            if (r.dataType() != dataType) {
                throw new IllegalArgumentException(layer.describe() + " computes in " + KerasJson.dtypeName(r.dataType())
                        + " but the first layer in " + KerasJson.dtypeName(dataType) + "; keras4j needs one dtype for the whole model");
            }
            JsonNode built = configs.get(i).path("build_config").get("input_shape");
            if (built != null && !built.isNull()) {
                Shape expected = KerasJson.readBatchShape(built, layer.describe() + "'s build_config");
                if (!expected.equals(shape)) {
                    throw new IllegalArgumentException(layer.describe() + " was built in Keras for input " + expected.toBatchString()
                            + " but the layers before it output " + shape.toBatchString() + "; the config is inconsistent");
                }
            }
            for (WeightSpec spec : layer.weightSpecs(shape)) {
                long size = spec.size();
                if (size < 0 || size > MAX_VARIABLE_SIZE) {
                    throw new IllegalArgumentException(layer.describe() + " would hold " + (size < 0 ? "more than " + Long.MAX_VALUE : size)
                            + " values for input " + shape.toBatchString() + ", more than keras4j can hold in one array (" + MAX_VARIABLE_SIZE + ")");
                }
                total += size; // at most a few hundred layers of at most 2^31 values: no overflow
            }
            inputs.add(shape);
            try {
                shape = layer.computeOutputShape(shape);
            } catch (ArithmeticException tooLarge) {
                throw new IllegalArgumentException(layer.describe() + " would output more than " + Integer.MAX_VALUE
                        + " values per sample for input " + shape.toBatchString(), tooLarge);
            }
        }
        if (total > storedValues) {
            throw new IllegalArgumentException("the config describes layers whose variables hold " + total + " values, but the"
                    + " weights hold only " + storedValues + " values in all; the config does not belong to these weights");
        }
        for (int i = 0; i < read.size(); i++) {
            read.get(i).layer().build(inputs.get(i), dataType);
        }
        // The index only served the messages above: the layers belong to no model until one adds them.
        read.forEach(r -> r.layer().setIndex(-1));
    }
}
