package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.keras4j.engine.LayerStack;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Dropout;
import io.github.keras4j.layers.Layer;
import io.github.keras4j.layers.Shape;
import io.github.keras4j.losses.SparseCategoricalCrossentropy;
import io.github.keras4j.optimizers.Adam;
import io.github.keras4j.random.SeedGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Functional model configs, built as Keras 3 ({@code functional.get_config}: {@code inbound_nodes} of
 * {@code __keras_tensor__} args) and tf.keras 2 ({@code [[["input_1", 0, 0, {}]]]}) write them: a chain loads as
 * the Sequential model it computes; any other graph is refused naming what makes it no chain.
 */
class FunctionalConfigsTest {
    private static final String INPUT = "input_layer";

    @TempDir
    Path dir;

    /** Dense(5, relu) -> Dropout -> Dense(3, softmax) on 4 inputs, saved by keras4j (as a Sequential model) at {@code file}. */
    private static LayerStack saved(Path file) {
        SeedGenerator.setGlobalSeed(11);
        LayerStack stack = TestModels.stack(List.of(new Dense(5, "relu").inputShape(4), new Dropout(0.25), new Dense(3, "softmax")));
        Saving.saveModel(TestModels.describe(stack, new Adam(), new SparseCategoricalCrossentropy(), "accuracy"), file);
        return stack;
    }

    /** The Sequential config of {@code keras} rewritten as the Functional config Keras 3 writes for the same chain. */
    private static ObjectNode keras3Functional(Path keras) throws IOException {
        ObjectNode root = (ObjectNode) OptimizerFiles.MAPPER.readTree(StructureTest.entry(keras, KerasArchive.CONFIG));
        ObjectNode config = (ObjectNode) root.get("config");
        String previous = null;
        JsonNode shape = null;
        for (JsonNode node : config.get("layers")) {
            ObjectNode layer = (ObjectNode) node;
            String name = layer.get("config").get("name").asText();
            layer.put("name", name);
            ArrayNode inbound = layer.putArray("inbound_nodes");
            if (previous == null) {
                shape = layer.get("config").get("batch_shape");
            } else {
                ObjectNode tensor = inbound.addObject().putArray("args").addObject();
                tensor.put("class_name", "__keras_tensor__");
                ObjectNode t = tensor.putObject("config");
                t.set("shape", layer.path("build_config").path("input_shape").isMissingNode() ? shape : layer.get("build_config").get("input_shape"));
                t.put("dtype", "float32");
                t.putArray("keras_history").add(previous).add(0).add(0);
                ((ObjectNode) inbound.get(0)).putObject("kwargs");
            }
            previous = name;
        }
        root.put("class_name", "Functional");
        root.put("module", "keras.src.models.functional");
        config.put("name", "mnist_model");
        config.remove("build_input_shape");
        config.putArray("input_layers").addArray().add(INPUT).add(0).add(0);
        config.putArray("output_layers").addArray().add(previous).add(0).add(0);
        return root;
    }

    /** The same chain as tf.keras 2 writes it: [[[parent, 0, 0, {}]]], the class named {@code className}. */
    private static ObjectNode tfKeras2Functional(Path keras, String className) throws IOException {
        ObjectNode root = keras3Functional(keras);
        root.put("class_name", className);
        root.remove("module");
        for (JsonNode node : root.get("config").get("layers")) {
            ObjectNode layer = (ObjectNode) node;
            JsonNode args = layer.get("inbound_nodes").path(0).path("args");
            ArrayNode nodes = layer.putArray("inbound_nodes");
            if (!args.isMissingNode()) {
                String parent = args.get(0).get("config").get("keras_history").get(0).asText();
                nodes.addArray().addArray().add(parent).add(0).add(0).addObject();
            }
        }
        return root;
    }

    private static void write(Path keras, JsonNode config, Path out) throws IOException {
        try (OutputStream o = Files.newOutputStream(out)) {
            KerasArchive.write(o, StructureTest.entry(keras, KerasArchive.METADATA), config.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    StructureTest.entry(keras, KerasArchive.WEIGHTS));
        }
    }

    private void assertLoadsAsTheChain(LayerStack expected, ModelDescription model) {
        assertEquals("mnist_model", model.name());
        assertEquals(Shape.of(4), model.inputShape());
        assertEquals(List.of("dense:Dense", "dropout:Dropout", "dense_1:Dense"),
                model.layers().stream().map(l -> l.name() + ":" + l.typeName()).toList());
        assertInstanceOf(Adam.class, model.compile().optimizer());
        assertEquals(expected.layers().size(), model.layers().size());
        List<float[]> want = TestModels.weights(expected.layers());
        List<float[]> got = TestModels.weights(model.layers());
        for (int i = 0; i < want.size(); i++) {
            assertArrayEquals(want.get(i), got.get(i), "parameter " + i);
        }
        for (Layer l : model.layers()) {
            assertEquals(true, l.isBuilt());
        }
    }

    @Test
    void keras3FunctionalChainLoadsAsTheSequentialModelItComputes() throws IOException {
        Path keras = dir.resolve("chain.keras");
        LayerStack stack = saved(keras);
        Path functional = dir.resolve("functional.keras");
        write(keras, keras3Functional(keras), functional);
        ModelDescription model = Saving.loadModel(functional);
        assertLoadsAsTheChain(stack, model);
    }

    @Test
    void loadedChainSavesBackAsASequentialModelBitForBit() throws IOException {
        Path keras = dir.resolve("chain.keras");
        LayerStack stack = saved(keras);
        Path functional = dir.resolve("functional.keras");
        write(keras, keras3Functional(keras), functional);
        ModelDescription loaded = Saving.loadModel(functional);
        Path again = dir.resolve("again.keras");
        Saving.saveModel(loaded, again);
        assertEquals("Sequential", OptimizerFiles.MAPPER.readTree(StructureTest.entry(again, KerasArchive.CONFIG)).get("class_name").asText());
        assertLoadsAsTheChain(stack, Saving.loadModel(again));
    }

    @Test
    void tfKeras2FunctionalAndModelChainsLoadToo() throws IOException {
        Path keras = dir.resolve("chain.keras");
        LayerStack stack = saved(keras);
        for (String className : List.of("Functional", "Model")) {
            Path functional = dir.resolve(className + ".keras");
            write(keras, tfKeras2Functional(keras, className), functional);
            assertLoadsAsTheChain(stack, Saving.loadModel(functional));
        }
    }

    @Test
    void layersListedOutOfOrderAreChainedByWhatEachIsCalledOn() throws IOException {
        Path keras = dir.resolve("chain.keras");
        LayerStack stack = saved(keras);
        ObjectNode root = keras3Functional(keras);
        ArrayNode layers = (ArrayNode) root.get("config").get("layers");
        JsonNode last = layers.remove(3);
        layers.insert(1, last);
        // Keras 3 writes a single input or output without the outer list.
        ((ObjectNode) root.get("config")).set("input_layers", OptimizerFiles.MAPPER.createArrayNode().add(INPUT).add(0).add(0));
        Path functional = dir.resolve("shuffled.keras");
        write(keras, root, functional);
        assertLoadsAsTheChain(stack, Saving.loadModel(functional));
    }

    private String refusal(Path keras, Consumer<ObjectNode> edit) throws IOException {
        ObjectNode root = keras3Functional(keras);
        edit.accept((ObjectNode) root.get("config"));
        return assertThrows(ModelFileException.class, () -> Saving.fromJson(root.toString())).getMessage();
    }

    private static ObjectNode layer(ObjectNode config, int index) {
        return (ObjectNode) config.get("layers").get(index);
    }

    @Test
    void graphsThatAreNoChainAreRefusedNamingWhy() throws IOException {
        Path keras = dir.resolve("chain.keras");
        saved(keras);
        String tail = ". keras4j loads Functional models whose layers each take the output of the layer before; rebuild the model as a"
                + " Sequential model in Keras, or build it in keras4j and load the weights alone.";
        String head = "Cannot load model JSON: the file holds the Functional model 'mnist_model', whose graph is not a chain from one input"
                + " to one output: ";

        assertEquals(head + "it has 2 inputs (input_layer, input_2) and 1 output (dense_1)" + tail, refusal(keras,
                c -> ((ArrayNode) c.get("input_layers")).addArray().add("input_2").add(0).add(0)));
        // An Add-like layer: the last Dense called on two tensors.
        assertEquals(head + "layer 'dense_1' (Dense) takes 2 inputs (dropout, dense)" + tail, refusal(keras, c -> {
            ArrayNode args = (ArrayNode) layer(c, 3).get("inbound_nodes").get(0).get("args");
            ObjectNode second = args.get(0).deepCopy();
            ((ArrayNode) second.get("config").get("keras_history")).set(0, OptimizerFiles.MAPPER.getNodeFactory().textNode("dense"));
            args.add(second);
        }));
        assertEquals(head + "layer 'dense_1' (Dense) is called 2 times (a shared layer)" + tail, refusal(keras, c -> {
            ArrayNode nodes = (ArrayNode) layer(c, 3).get("inbound_nodes");
            nodes.add(nodes.get(0).deepCopy());
        }));
        // A branch: a layer nobody's output depends on.
        assertEquals(head + "layer 'aux' (Dense) is not on the path from the input 'input_layer' to the output 'dense_1'" + tail, refusal(keras, c -> {
            ObjectNode aux = layer(c, 1).deepCopy();
            aux.put("name", "aux");
            ((ObjectNode) aux.get("config")).put("name", "aux");
            ((ArrayNode) c.get("layers")).add(aux);
        }));
        assertEquals(head + "layer 'dropout' (Dropout) is called with training=true" + tail, refusal(keras,
                c -> ((ObjectNode) layer(c, 2).get("inbound_nodes").get(0).get("kwargs")).put("training", true)));
    }
}
