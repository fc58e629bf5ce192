package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.keras4j.layers.Activation;
import io.github.keras4j.layers.Dropout;
import io.github.keras4j.layers.Flatten;
import io.github.keras4j.layers.Layer;
import io.github.keras4j.layers.Shape;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Layers in Keras configs: {@code {"module": "keras.layers", "class_name": "Dense", "config": {...},
 * "build_config": {"input_shape": [null, 784]}}}. One codec per Keras class, from {@link LayerCodecs}.
 */
final class LayerConfigs {
    static final String MODULE = "keras.layers";

    /** A layer read from a config: the unbuilt layer, its dtype and the input shape its config declares (or null). */
    record ReadLayer(Layer layer, DataType dataType, Shape declaredInputShape) {
    }

    private LayerConfigs() {
    }

    /** A codec from two lambdas, for layers with few options. */
    static <L extends Layer> LayerCodec<L> codec(String className, Class<L> type, Function<ConfigReader, L> reader,
                                                 BiConsumer<L, ObjectNode> writer) {
        return new LayerCodec<>() {
            @Override
            public String className() {
                return className;
            }

            @Override
            public Class<L> type() {
                return type;
            }

            @Override
            public void write(L layer, ObjectNode config) {
                writer.accept(layer, config);
            }

            @Override
            public L read(ConfigReader config) {
                return reader.apply(config);
            }
        };
    }

    /** The serialized layer, with its {@code build_config} when built. */
    static ObjectNode write(Layer layer) {
        LayerCodec<?> codec = LayerCodecs.forLayer(layer);
        if (codec == null) {
            throw new IllegalArgumentException(layer.describe() + " cannot be saved: keras4j has no Keras config for "
                    + layer.getClass().getSimpleName() + ". Register a LayerCodec for it with LayerCodecs.register(...).");
        }
        ObjectNode config = KerasJson.object();
        config.put("name", layer.name());
        config.put("trainable", layer.isTrainable());
        config.set("dtype", KerasJson.dtypePolicy(layer.isBuilt() ? layer.dataType() : DataType.FLOAT));
        writeOptions(codec, layer, config);
        ObjectNode serialized = KerasJson.serialized(MODULE, codec.className(), config);
        if (layer.isBuilt()) {
            ObjectNode build = KerasJson.object();
            build.set("input_shape", KerasJson.batchShape(layer.builtInputShape()));
            serialized.set("build_config", build);
        }
        return serialized;
    }

    private static <L extends Layer> void writeOptions(LayerCodec<L> codec, Layer layer, ObjectNode config) {
        codec.write(codec.type().cast(layer), config);
    }

    /** A new, unbuilt, named layer from its serialized config; {@code index} counts the model's layers from 0. */
    static ReadLayer read(JsonNode serialized, int index) {
        String className = KerasJson.className(serialized, "layer " + index + " of the model");
        JsonNode configNode = serialized.get("config");
        String name = configNode != null && configNode.path("name").isTextual() ? configNode.get("name").asText() : null;
        String owner = (name == null ? "layer (" : "layer '" + name + "' (") + className + ", index " + index + ")";
        LayerCodec<?> codec = LayerCodecs.forClassName(className);
        if (codec == null && serialized.path("registered_name").isTextual()) {
            codec = LayerCodecs.forClassName(serialized.get("registered_name").asText());
        }
        if (codec == null) {
            List<String> known = new ArrayList<>(LayerCodecs.classNames());
            known.add("InputLayer");
            throw new IllegalArgumentException(owner + " is a " + className + " layer, which keras4j does not support yet. "
                    + "keras4j loads models made of the layers " + String.join(", ", known) + ".");
        }
        ConfigReader c = new ConfigReader(configNode, owner);
        c.ignore("name", "batch_size");
        boolean trainable = c.bool("trainable", true);
        c.expect("activity_regularizer");
        DataType dataType = KerasJson.readDtype(c.raw("dtype"), owner);
        Shape declared = declaredInputShape(c);
        Layer layer = c.create(codec::read);
        c.finish();
        if (name != null) {
            layer.name(name);
        }
        layer.trainable(trainable);
        return new ReadLayer(layer, dataType, declared);
    }

    /** Keras 2's per-layer input shape: {@code batch_input_shape}, {@code batch_shape}, {@code input_shape} or {@code input_dim}. */
    private static Shape declaredInputShape(ConfigReader c) {
        JsonNode batch = c.raw("batch_input_shape");
        if (batch == null) {
            batch = c.raw("batch_shape");
        }
        if (batch != null) {
            return KerasJson.readBatchShape(batch, c.owner());
        }
        JsonNode sample = c.raw("input_shape");
        if (sample != null && sample.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode withBatch = KerasJson.MAPPER.createArrayNode();
            withBatch.addNull();
            sample.forEach(withBatch::add);
            return KerasJson.readBatchShape(withBatch, c.owner());
        }
        JsonNode dim = c.raw("input_dim");
        if (dim != null) {
            return KerasJson.readBatchShape(KerasJson.MAPPER.createArrayNode().addNull().add(dim), c.owner());
        }
        return null;
    }
}
