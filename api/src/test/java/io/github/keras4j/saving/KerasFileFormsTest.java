package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.keras4j.CataloguedWarnings;
import io.github.keras4j.LogCapture;
import io.github.keras4j.engine.LayerStack;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Flatten;
import io.github.keras4j.losses.CategoricalCrossentropy;
import io.github.keras4j.losses.Loss;
import io.github.keras4j.losses.MeanSquaredError;
import io.github.keras4j.losses.SparseCategoricalCrossentropy;
import io.github.keras4j.optimizers.Adam;
import io.github.keras4j.optimizers.RMSprop;
import io.github.keras4j.random.SeedGenerator;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The forms other Keras versions write into a model file, each built here as that version writes it (from Keras'
 * serialization code: keras/src/saving/serialization_lib.py, trainers/trainer.py, tf.keras 2.13-2.15 losses.py),
 * and what keras4j reads from each: the loss, the metrics, the optimizer and the weights.
 */
class KerasFileFormsTest {
    @TempDir
    Path dir;

    /** A keras4j config of Dense(3, softmax) on 4 inputs, compiled with Adam, whose compile_config gets {@code entries}. */
    private static JsonNode configWith(String entries) throws IOException {
        SeedGenerator.setGlobalSeed(7);
        LayerStack stack = TestModels.stack(List.of(new Dense(3, "softmax").inputShape(4)));
        ObjectNode root = (ObjectNode) OptimizerFiles.MAPPER.readTree(
                Saving.toJson(TestModels.describe(stack, new Adam(), new SparseCategoricalCrossentropy(), "accuracy")));
        ObjectNode compile = (ObjectNode) root.get("compile_config");
        compile.setAll((ObjectNode) OptimizerFiles.MAPPER.readTree("{" + entries + "}"));
        return root;
    }

    private static CompileState compiled(String entries) throws IOException {
        return Saving.fromJson(configWith(entries).toString()).compile();
    }

    private static Loss loss(String form) throws IOException {
        return compiled("\"loss\": " + form).loss();
    }

    @Test
    void lossPassedAsAFunctionIsReadFromKeras3sFunctionEnvelope() throws IOException {
        // serialize_keras_object of a function: class_name "function", its name as config; "builtins" when Keras
        // could not place it, the module of its public name otherwise.
        assertInstanceOf(SparseCategoricalCrossentropy.class, loss("{\"module\": \"builtins\", \"class_name\": \"function\","
                + " \"config\": \"sparse_categorical_crossentropy\", \"registered_name\": \"function\"}"));
        assertInstanceOf(MeanSquaredError.class, loss("{\"module\": \"keras.losses\", \"class_name\": \"function\","
                + " \"config\": \"mean_squared_error\", \"registered_name\": \"mean_squared_error\"}"));
        assertFalse(((SparseCategoricalCrossentropy) loss("{\"class_name\": \"function\", \"config\": \"sparse_categorical_crossentropy\"}"))
                .fromLogits());
    }

    @Test
    void lossObjectsOfTfKeras213To215CarryTheFunctionTheyWrapAsFn() throws IOException {
        // LossFunctionWrapper.get_config adds "fn": get_registered_name(self.fn) when saving .keras; reduction "auto".
        SparseCategoricalCrossentropy scce = assertInstanceOf(SparseCategoricalCrossentropy.class, loss(
                "{\"module\": \"keras.losses\", \"class_name\": \"SparseCategoricalCrossentropy\", \"config\": {\"reduction\": \"auto\","
                + " \"name\": \"sparse_categorical_crossentropy\", \"from_logits\": true, \"ignore_class\": null,"
                + " \"fn\": \"sparse_categorical_crossentropy\"}, \"registered_name\": null}"));
        assertTrue(scce.fromLogits());
        assertInstanceOf(CategoricalCrossentropy.class, loss("{\"class_name\": \"CategoricalCrossentropy\", \"config\": {\"reduction\": \"auto\","
                + " \"name\": \"categorical_crossentropy\", \"from_logits\": false, \"label_smoothing\": 0.0, \"axis\": -1,"
                + " \"fn\": \"categorical_crossentropy\"}}"));
        assertInstanceOf(MeanSquaredError.class, loss("{\"class_name\": \"MeanSquaredError\", \"config\": {\"reduction\": \"auto\","
                + " \"name\": \"mean_squared_error\", \"fn\": \"mean_squared_error\"}}"));

        // A class wrapping another function computes something else: refused, naming it.
        ModelFileException e = assertThrows(ModelFileException.class, () -> loss("{\"class_name\": \"MeanSquaredError\","
                + " \"config\": {\"reduction\": \"auto\", \"name\": \"mse\", \"fn\": \"my_loss\"}}"));
        assertEquals("Cannot load model JSON: loss MeanSquaredError uses fn=\"my_loss\", which keras4j does not support.", e.getMessage());
    }

    @Test
    void lossAndMetricsOfTheOneOutputInListsAreRead() throws IOException {
        // compile(loss=["mse"], metrics=[["accuracy"]]): one entry per output.
        CompileState c = compiled("\"loss\": [\"mse\"], \"metrics\": [[\"accuracy\", \"mae\"]]");
        assertInstanceOf(MeanSquaredError.class, c.loss());
        assertEquals(List.of("accuracy", "mae"), c.metrics());
        assertInstanceOf(SparseCategoricalCrossentropy.class, loss("[{\"class_name\": \"function\", \"config\": \"sparse_categorical_crossentropy\"}]"));
        ModelFileException e = assertThrows(ModelFileException.class, () -> loss("[\"mse\", \"mae\"]"));
        assertEquals("Cannot load model JSON: the model was compiled with several losses [\"mse\",\"mae\"]; keras4j models have one output and one loss",
                e.getMessage());
    }

    @Test
    void lossGivenAsAClassNameIsThatClassWithItsDefaults() throws IOException {
        // Keras' losses.get looks strings up among classes and functions: "CategoricalCrossentropy" is CategoricalCrossentropy().
        assertFalse(assertInstanceOf(CategoricalCrossentropy.class, loss("\"CategoricalCrossentropy\"")).fromLogits());
        assertFalse(assertInstanceOf(SparseCategoricalCrossentropy.class, loss("\"SparseCategoricalCrossentropy\"")).fromLogits());
        assertInstanceOf(MeanSquaredError.class, loss("\"MeanSquaredError\""));
        // A class dict without module (legacy HDF5 training_config of Keras 3).
        assertInstanceOf(SparseCategoricalCrossentropy.class, loss("{\"class_name\": \"SparseCategoricalCrossentropy\", \"config\":"
                + " {\"name\": \"sparse_categorical_crossentropy\", \"reduction\": \"sum_over_batch_size\", \"from_logits\": false, \"ignore_class\": null}}"));
    }

    @Test
    void metricsInEveryFormKeepTheNameKerasReportsThemUnder() throws IOException {
        CompileState c = compiled("\"metrics\": [\"CategoricalAccuracy\","
                + " {\"module\": \"keras.metrics\", \"class_name\": \"function\", \"config\": \"sparse_categorical_accuracy\", \"registered_name\": null},"
                + " {\"class_name\": \"MeanMetricWrapper\", \"config\": {\"name\": \"accuracy\", \"dtype\": \"float32\", \"fn\": \"categorical_accuracy\"}},"
                + " {\"module\": \"keras.metrics\", \"class_name\": \"Precision\", \"config\": {\"name\": \"precision\", \"dtype\": \"float32\","
                + " \"thresholds\": null, \"top_k\": null, \"class_id\": null}, \"registered_name\": null}, \"mse\"]");
        // CategoricalAccuracy() is named categorical_accuracy; a metric object keeps its config's name.
        assertEquals(List.of("categorical_accuracy", "sparse_categorical_accuracy", "accuracy", "precision", "mse"), c.metrics());
        assertEquals(List.of("accuracy"), compiled("\"metrics\": \"accuracy\"").metrics());
        assertEquals(List.of(), compiled("\"metrics\": null").metrics());
    }

    @Test
    void legacyTrainingConfigsEmptyWeightedMetricsAndLossWeightsAreNeutral() throws IOException {
        CompileState c = compiled("\"weighted_metrics\": [], \"loss_weights\": null");
        assertEquals(List.of("accuracy"), c.metrics());
    }

    @Test
    void initializerConfigsOfTfKeras22WithADtypeAreRead() throws IOException {
        ObjectNode root = (ObjectNode) configWith("");
        ObjectNode dense = (ObjectNode) root.get("config").get("layers").get(1).get("config");
        dense.set("kernel_initializer", OptimizerFiles.MAPPER.readTree("{\"class_name\": \"GlorotUniform\", \"config\": {\"dtype\": \"float32\", \"seed\": null}}"));
        dense.set("bias_initializer", OptimizerFiles.MAPPER.readTree("{\"class_name\": \"Zeros\", \"config\": {\"dtype\": \"float32\"}}"));
        ModelDescription model = Saving.fromJson(root.toString());
        assertEquals(3, ((Dense) model.layers().get(0)).units());
    }

    @Test
    void modelSavedWithTrainableFalseLoadsWithEveryLayerFrozen() throws IOException {
        // Keras' model.trainable = False: the Sequential config says "trainable": false, the model trains no weight.
        ObjectNode root = (ObjectNode) configWith("");
        ((ObjectNode) root.get("config")).put("trainable", false);
        ModelDescription model = Saving.fromJson(root.toString());
        assertFalse(model.layers().get(0).isTrainable());
        assertEquals(List.of(), KerasWeights.parameters(model.layers()));
        assertTrue(Saving.fromJson(configWith("").toString()).layers().get(0).isTrainable());
    }

    @Test
    void compileConfigWithoutAnOptimizerCompilesWithRmspropAndLeavesTheStoredStateAlone() throws IOException {
        // Keras' compile_from_config calls compile(**config), whose optimizer defaults to "rmsprop"; the file's
        // optimizer variables belong to another optimizer, and Keras skips them with a warning.
        Path saved = dir.resolve("adam.keras");
        LayerStack trained = OptimizerFiles.trainAndSave(new Adam(), 4, saved);
        Path file = dir.resolve("no-optimizer.keras");
        List<Object> vars = OptimizerFiles.optimizerVars(saved);
        OptimizerFiles.rewrite(saved, file, config -> ((ObjectNode) config.get("compile_config")).remove("optimizer"), vars);

        ModelDescription model;
        try (LogCapture log = LogCapture.of(CompileConfigs.class)) {
            model = Saving.loadModel(file);
            String expected = "The compile config names no optimizer, so the model is compiled with Keras' default, RMSprop with its"
                    + " defaults, as Keras does when it loads such a file. The optimizer state at model.weights.h5 optimizer/vars ("
                    + vars.size() + " variables) belongs to the optimizer the model was trained with and is not restored; to train on"
                    + " with that optimizer, compile the model again with it.";
            assertEquals(List.of(expected), log.warnings());
            assertEquals(10, vars.size(), "iterations, learning rate, m and v of kernel and bias");
            CataloguedWarnings.assertCatalogued(expected);
        }
        RMSprop rmsprop = assertInstanceOf(RMSprop.class, model.compile().optimizer());
        assertFalse(model.compile().optimizerStored());
        assertEquals(RMSprop.DEFAULT_LEARNING_RATE, rmsprop.learningRate());
        assertEquals(RMSprop.DEFAULT_RHO, rmsprop.rho());
        assertEquals(0, rmsprop.iterations());
        assertInstanceOf(SparseCategoricalCrossentropy.class, model.compile().loss());
        List<float[]> expected = TestModels.weights(trained.layers());
        List<float[]> actual = TestModels.weights(model.layers());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "parameter " + i);
        }
    }

    @Test
    void legacyHdf5TrainingConfigWithoutAnOptimizerCompilesWithRmsprop() throws IOException {
        Path saved = dir.resolve("sgd.keras");
        OptimizerFiles.trainAndSave(new io.github.keras4j.optimizers.SGD(0.1), 2, saved);
        Path legacy = dir.resolve("no-optimizer.h5");
        // Keras 3's legacy writer stores optimizer_weights whatever the training_config says; here only the step count.
        OptimizerFiles.legacyH5(saved, legacy, "3.10.0", null, List.of("iteration"), List.of(2L));
        ModelDescription model;
        try (LogCapture log = LogCapture.of(CompileConfigs.class)) {
            model = Saving.loadModel(legacy);
            assertEquals(1, log.warnings().size());
            assertTrue(log.warnings().get(0).contains("The optimizer state at optimizer_weights (1 variables) belongs to the optimizer"), log.warnings().get(0));
        }
        assertInstanceOf(RMSprop.class, model.compile().optimizer());
        assertFalse(model.compile().optimizerStored());
        assertEquals(0, model.compile().optimizer().iterations());
    }

    @Test
    void weightGroupsNumberedWithGapsByTfKeras212And213AreMatchedInOrder() throws IOException {
        // tf.keras 2.12/2.13 count each layer twice when naming weight groups: dense, dense_2, dense_4 (keras-team/keras#18830).
        SeedGenerator.setGlobalSeed(3);
        LayerStack stack = TestModels.stack(List.of(new Flatten().inputShape(2, 2), new Dense(5, "relu"), new Dense(4, "relu"), new Dense(3, "softmax")));
        Path saved = dir.resolve("three-dense.keras");
        Saving.saveModel(TestModels.describe(stack, new Adam(), new SparseCategoricalCrossentropy(), "accuracy"), saved);
        Path file = dir.resolve("tfkeras213.keras");
        renameGroups(saved, file, Map.of("layers/dense_1", "layers/dense_2", "layers/dense_2", "layers/dense_4"));

        ModelDescription model = Saving.loadModel(file);
        List<float[]> expected = TestModels.weights(stack.layers());
        List<float[]> actual = TestModels.weights(model.layers());
        assertEquals(6, actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "parameter " + i);
        }
        try (HdfFile h5 = KerasFixturesTest.weightsOf(file)) {
            assertTrue(h5.getByPath("layers/dense_4/vars/0") instanceof Dataset, "the file uses tf.keras 2.13's names");
        }
    }

    @Test
    void legacyHdf5ModelInAFileNamedKerasIsReadAsHdf5() throws IOException {
        // tf.keras 2.x's model.save("model.keras") wrote the legacy HDF5 format under the .keras name; the bytes decide.
        SeedGenerator.setGlobalSeed(5);
        LayerStack stack = TestModels.stack(List.of(new Dense(3, "softmax").inputShape(4)));
        Path h5 = dir.resolve("model.h5");
        Saving.saveModel(TestModels.describe(stack, new Adam(), new SparseCategoricalCrossentropy(), "accuracy"), h5);
        Path named = Files.move(h5, dir.resolve("model.keras"));
        ModelDescription model = Saving.loadModel(named);
        assertArrayEquals(TestModels.weights(stack.layers()).get(0), TestModels.weights(model.layers()).get(0));
        assertInstanceOf(Adam.class, model.compile().optimizer());
    }

    @Test
    void weightlessLayersOfTfKeras22ListTheirWeightNamesAsAnEmptyFloatArray() throws IOException {
        // h5py writes Python's empty list as a float64 array of length 0 (tfk224-cnn-mpkuse.h5, tf.keras 2.2.4).
        byte[] bytes = Files.readAllBytes(Fixtures.file("corpus/tfk224-cnn-mpkuse.h5"));
        try (HdfFile file = HdfFile.fromBytes(bytes)) {
            H5Tree tree = new H5Tree(file);
            assertEquals(double.class, file.getByPath("model_weights/flatten").getAttribute("weight_names").getJavaType());
            assertEquals(List.of(), tree.stringAttribute("model_weights/flatten", "weight_names"));
            assertEquals(List.of("dense/kernel:0", "dense/bias:0"), tree.stringAttribute("model_weights/dense", "weight_names"));
        }
    }

    /** A copy of the {@code .keras} file with its weight groups (and everything else) renamed as {@code renames} says. */
    private static void renameGroups(Path keras, Path out, Map<String, String> renames) throws IOException {
        Path h5 = Files.createTempFile(out.getParent(), "weights", ".h5");
        Files.delete(h5);
        try (HdfFile source = KerasFixturesTest.weightsOf(keras); WritableHdfFile target = HdfFile.write(h5)) {
            target.removeAttribute("_jHDF");
            copy(source, target, "", renames);
        }
        try (OutputStream o = Files.newOutputStream(out)) {
            KerasArchive.write(o, StructureTest.entry(keras, KerasArchive.METADATA), StructureTest.entry(keras, KerasArchive.CONFIG),
                    Files.readAllBytes(h5));
        }
        Files.delete(h5);
    }

    private static void copy(Group from, WritableGroup to, String path, Map<String, String> renames) {
        for (Node n : from) {
            String childPath = path.isEmpty() ? n.getName() : path + "/" + n.getName();
            String renamed = renames.getOrDefault(childPath, childPath);
            String name = renamed.substring(renamed.lastIndexOf('/') + 1);
            if (n instanceof Group g) {
                copy(g, to.putGroup(name), childPath, renames);
            } else {
                to.putDataset(name, ((Dataset) n).getData());
            }
        }
    }
}
