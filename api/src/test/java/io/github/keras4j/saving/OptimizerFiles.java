package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.keras4j.engine.LayerStack;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Parameter;
import io.github.keras4j.losses.Loss;
import io.github.keras4j.losses.SparseCategoricalCrossentropy;
import io.github.keras4j.optimizers.Nadam;
import io.github.keras4j.optimizers.Optimizer;
import io.github.keras4j.random.SeedGenerator;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Keras files holding an optimizer in the forms other Keras versions write, built from a file keras4j saved: the
 * config edited with Jackson, {@code optimizer/vars} (or a legacy HDF5 model's {@code optimizer_weights}) rewritten
 * with jHDF. Also the small model, data and comparisons the optimizer file tests share.
 */
final class OptimizerFiles {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Loss LOSS = new SparseCategoricalCrossentropy();

    private OptimizerFiles() {
    }

    /** Dense(5, tanh) on 4 inputs, then Dense(3, softmax): four parameters, kernels and biases of different shapes. */
    static LayerStack model() {
        SeedGenerator.setGlobalSeed(41);
        return TestModels.stack(List.of(new Dense(5, "tanh").inputShape(4), new Dense(3, "softmax")));
    }

    /** {@code steps} batches of 8 of a fixed data set (24 samples, 3 classes). */
    static void train(LayerStack stack, Loss loss, Optimizer optimizer, int steps) {
        TestModels.train(stack, loss, optimizer, TestModels.inputs(3, 24, 4), TestModels.labels(4, 24, 3), steps, 8);
    }

    /** The model trained {@code steps} steps with {@code optimizer}, saved by keras4j at {@code file}. */
    static LayerStack trainAndSave(Optimizer optimizer, int steps, Path file) {
        LayerStack stack = model();
        train(stack, LOSS, optimizer, steps);
        Saving.saveModel(TestModels.describe(stack, optimizer, LOSS, "accuracy"), file);
        return stack;
    }

    /**
     * What tf.keras 2.11-2.15 stores for {@code SGD()} (momentum 0): {@code iterations}, then a momentum per variable
     * (SGD.build always makes them), each filled with {@code value} (in a real file the last step's {@code -lr * g}).
     */
    static List<Object> tfKerasSgdVars(LayerStack stack, long iterations, float value) {
        List<Object> vars = new ArrayList<>(List.of(iterations));
        for (Parameter p : KerasWeights.parameters(stack.layers())) {
            double[] m = new double[(int) p.size()];
            java.util.Arrays.fill(m, value);
            vars.add(H5Arrays.nested(m, p.value().shape(), p.value().dataType()));
        }
        return vars;
    }

    /** The values of {@code optimizer/vars/0, 1, ...} of a {@code .keras} file, as jHDF reads them. */
    static List<Object> optimizerVars(Path keras) throws IOException {
        try (HdfFile h5 = KerasFixturesTest.weightsOf(keras)) {
            Group vars = (Group) h5.getByPath("optimizer/vars");
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < vars.getChildren().size(); i++) {
                out.add(((Dataset) vars.getChild(String.valueOf(i))).getData());
            }
            return out;
        }
    }

    /**
     * A copy of the {@code .keras} file {@code keras} at {@code out} whose config is changed by {@code edit} and
     * whose {@code optimizer/vars} hold {@code vars} (jHDF values: Long, Float, nested float arrays).
     */
    static void rewrite(Path keras, Path out, Consumer<ObjectNode> edit, List<Object> vars) throws IOException {
        ObjectNode config = (ObjectNode) MAPPER.readTree(StructureTest.entry(keras, KerasArchive.CONFIG));
        edit.accept(config);
        Path h5 = Files.createTempFile(out.getParent(), "weights", ".h5");
        Files.delete(h5);
        try (HdfFile source = KerasFixturesTest.weightsOf(keras); WritableHdfFile target = HdfFile.write(h5)) {
            target.removeAttribute("_jHDF");
            copy((Group) source.getByPath("layers"), target.putGroup("layers"));
            WritableGroup group = target.putGroup("optimizer").putGroup("vars");
            for (int i = 0; i < vars.size(); i++) {
                group.putDataset(String.valueOf(i), vars.get(i));
            }
        }
        try (OutputStream o = Files.newOutputStream(out)) {
            KerasArchive.write(o, StructureTest.entry(keras, KerasArchive.METADATA),
                    config.toString().getBytes(StandardCharsets.UTF_8), Files.readAllBytes(h5));
        }
        Files.delete(h5);
    }

    private static void copy(Group from, WritableGroup to) {
        for (Node n : from) {
            if (n instanceof Group g) {
                copy(g, to.putGroup(g.getName()));
            } else {
                to.putDataset(n.getName(), ((Dataset) n).getData());
            }
        }
    }

    /**
     * The legacy HDF5 model of the keras4j file {@code keras} ({@code model_config}, {@code training_config} with
     * {@code optimizerConfig}, {@code model_weights/<layer>/<layer>/kernel:0} as tf.keras 2 writes them) with
     * {@code optimizer_weights} holding {@code vars} under {@code names}, listed in that order in
     * {@code weight_names}.
     */
    static void legacyH5(Path keras, Path out, String kerasVersion, ObjectNode optimizerConfig, List<String> names, List<Object> vars)
            throws IOException {
        ObjectNode config = (ObjectNode) MAPPER.readTree(StructureTest.entry(keras, KerasArchive.CONFIG));
        ObjectNode training = MAPPER.createObjectNode();
        training.set("loss", config.get("compile_config").get("loss"));
        training.set("metrics", MAPPER.createArrayNode().add(config.get("compile_config").get("metrics")));
        training.set("optimizer_config", optimizerConfig);
        config.remove("compile_config");
        try (HdfFile weights = KerasFixturesTest.weightsOf(keras); WritableHdfFile h5 = HdfFile.write(out)) {
            h5.putAttribute("model_config", config.toString());
            h5.putAttribute("training_config", training.toString());
            h5.putAttribute("keras_version", kerasVersion);
            h5.putAttribute("backend", "tensorflow");
            WritableGroup modelWeights = h5.putGroup("model_weights");
            String[] layers = {"dense", "dense_1"};
            modelWeights.putAttribute("layer_names", layers);
            for (String layer : layers) {
                WritableGroup g = modelWeights.putGroup(layer);
                g.putAttribute("weight_names", new String[] {layer + "/kernel:0", layer + "/bias:0"});
                WritableGroup inner = g.putGroup(layer);
                inner.putDataset("kernel:0", ((Dataset) weights.getByPath("layers/" + layer + "/vars/0")).getData());
                inner.putDataset("bias:0", ((Dataset) weights.getByPath("layers/" + layer + "/vars/1")).getData());
            }
            WritableGroup optimizer = h5.putGroup(LegacyOptimizerWeights.GROUP);
            optimizer.putAttribute("weight_names", names.toArray(new String[0]));
            for (int i = 0; i < names.size(); i++) {
                WritableGroup g = optimizer;
                String[] parts = names.get(i).split("/");
                for (int p = 0; p < parts.length - 1; p++) {
                    g = child(g, parts[p]);
                }
                g.putDataset(parts[parts.length - 1], vars.get(i));
            }
        }
    }

    private static WritableGroup child(WritableGroup g, String name) {
        Node existing = g.getChild(name);
        return existing instanceof WritableGroup w ? w : g.putGroup(name);
    }

    /** Asserts that {@code actual} holds the same step count, rate, Nadam product and slots as {@code expected}, bit for bit. */
    static void assertSameState(Optimizer expected, List<Parameter> expectedParams, Optimizer actual, List<Parameter> actualParams) {
        assertEquals(expected.getClass(), actual.getClass());
        assertEquals(OptimizerConfigs.write(expected).toString(), OptimizerConfigs.write(actual).toString(), "configuration");
        assertEquals(expected.iterations(), actual.iterations(), "iterations");
        assertEquals(expected.learningRate(), actual.learningRate(), "learning rate");
        if (expected instanceof Nadam n) {
            assertEquals(n.uProduct(), ((Nadam) actual).uProduct(), 0f, "u_product");
        }
        for (int p = 0; p < expectedParams.size(); p++) {
            for (int s = 0; s < expected.slotNames().size(); s++) {
                assertArrayEquals(expected.slotsOf(expectedParams.get(p))[s], actual.slotsOf(actualParams.get(p))[s],
                        expected.slotNames().get(s) + " of " + expectedParams.get(p).name());
            }
        }
    }

    /** Trains both a few more steps and asserts the same weights bit for bit: the loaded state resumes training exactly. */
    static void assertResumesExactly(LayerStack original, Optimizer originalOptimizer, ModelDescription loaded) {
        train(original, LOSS, originalOptimizer, 3);
        LayerStack resumed = TestModels.stack(loaded.layers());
        train(resumed, loaded.compile().loss(), loaded.compile().optimizer(), 3);
        List<float[]> expected = TestModels.weights(original.layers());
        List<float[]> actual = TestModels.weights(resumed.layers());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "parameter " + i + " after 3 more steps");
        }
    }
}
