package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.keras4j.layers.Shape;
import io.github.keras4j.losses.CategoricalCrossentropy;
import io.github.keras4j.optimizers.SGD;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.WritableGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The legacy Keras 2 HDF5 model format. The test writes the Dense fixture's model in that layout, as the
 * legacy fixture {@code cnn-conv2d-legacy.h5} shows it (root attributes {@code model_config} and
 * {@code training_config}; {@code model_weights/<layer>/<model>/<layer>/kernel} listed in {@code weight_names}).
 */
class LegacyH5Test {
    @TempDir
    Path dir;

    @Test
    void legacyFileOfTheDenseFixtureLoadsAndScoresItsAccuracy() throws IOException {
        Path keras = Fixtures.file("dense-784-300-100-10.keras");
        Path legacy = dir.resolve("dense.h5");
        writeLegacy(keras, legacy);

        ModelDescription model = Saving.loadModel(legacy);

        assertEquals(Shape.of(784), model.inputShape());
        assertEquals(List.of("dense", "dense_1", "dense_2"), model.layers().stream().map(l -> l.name()).toList());
        SGD sgd = assertInstanceOf(SGD.class, model.compile().optimizer());
        assertEquals(0.009999999776482582, sgd.learningRate());
        assertEquals(0, sgd.iterations(), "legacy optimizer state is not restored");
        assertInstanceOf(CategoricalCrossentropy.class, model.compile().loss());
        assertEquals(List.of("accuracy", "precision"), model.compile().metrics());
        int[] predicted = Forward.argmax(Forward.predict(model.layers(), KerasFixturesTest.images().reshape(10000, 784).div(255)));
        assertEquals(9773, Forward.correct(predicted, KerasFixturesTest.labels()));
    }

    @Test
    void attributesOfARealLegacyFileAreReadAsKerasWroteThem() throws IOException {
        byte[] bytes = java.nio.file.Files.readAllBytes(Fixtures.file("cnn-conv2d-legacy.h5"));
        try (HdfFile file = HdfFile.fromBytes(bytes)) {
            H5Tree tree = new H5Tree(file);
            assertEquals(List.of("conv2d", "max_pooling2d", "conv2d_1", "max_pooling2d_1", "flatten_1", "dense_3", "dense_4"),
                    tree.stringAttribute("model_weights", "layer_names"));
            assertEquals(List.of("sequential_1/dense_3/kernel", "sequential_1/dense_3/bias"),
                    tree.stringAttribute("model_weights/dense_3", "weight_names"));
            assertEquals(List.of(), tree.stringAttribute("model_weights/flatten_1", "weight_names"));
            assertTrue(tree.stringAttribute("", "model_config").get(0).startsWith("{\"class_name\": \"Sequential\""));
            assertEquals("[1600, 64]", java.util.Arrays.toString(tree.dataset("model_weights/dense_3/sequential_1/dense_3/kernel").getDimensions()));
        }
    }

    @Test
    void weightsOnlyHdf5FileIsNotAModel() {
        io.github.keras4j.engine.LayerStack stack = TestModels.stack(List.of(new io.github.keras4j.layers.Dense(2).inputShape(3)));
        Path file = dir.resolve("only.weights.h5");
        Saving.saveWeights(TestModels.describe(stack, null, null), file);
        ModelFileException e = assertThrows(ModelFileException.class, () -> Saving.loadModel(file));
        assertEquals("Cannot load file '" + file + "': it holds weights only, without a model config; build the model and load "
                + "them with loadWeights", e.getMessage());
    }

    /** The Keras 3 fixture rewritten in the legacy layout: configs without module keys, weights under model_weights. */
    private static void writeLegacy(Path keras, Path legacy) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode config = mapper.readTree(StructureTest.entry(keras, "config.json"));
        ObjectNode training = mapper.createObjectNode();
        JsonNode compile = config.get("compile_config");
        training.set("loss", compile.get("loss"));
        training.set("metrics", compile.get("metrics"));
        training.set("optimizer_config", stripModules(compile.get("optimizer").deepCopy()));
        ObjectNode model = stripModules(config.deepCopy());
        model.remove("compile_config");

        try (HdfFile weights = KerasFixturesTest.weightsOf(keras); WritableHdfFile out = HdfFile.write(legacy)) {
            out.putAttribute("model_config", model.toString());
            out.putAttribute("training_config", training.toString());
            out.putAttribute("keras_version", "3.6.0");
            out.putAttribute("backend", "tensorflow");
            WritableGroup modelWeights = out.putGroup("model_weights");
            String[] names = {"dense", "dense_1", "dense_2"};
            modelWeights.putAttribute("layer_names", names);
            for (String name : names) {
                WritableGroup layer = modelWeights.putGroup(name);
                layer.putAttribute("weight_names", new String[] {"sequential/" + name + "/kernel", "sequential/" + name + "/bias"});
                WritableGroup inner = layer.putGroup("sequential").putGroup(name);
                inner.putDataset("kernel", ((Dataset) weights.getByPath("layers/" + name + "/vars/0")).getData());
                inner.putDataset("bias", ((Dataset) weights.getByPath("layers/" + name + "/vars/1")).getData());
            }
        }
        assertTrue(legacy.toFile().length() > 1_000_000);
    }

    private static ObjectNode stripModules(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            o.remove("module");
            o.remove("registered_name");
            o.remove("build_config");
            o.remove("shared_object_id");
            for (Iterator<JsonNode> it = o.elements(); it.hasNext(); ) {
                stripModules(it.next());
            }
        } else if (node.isArray()) {
            node.forEach(LegacyH5Test::stripModules);
        }
        return node.isObject() ? (ObjectNode) node : null;
    }
}
