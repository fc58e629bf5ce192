package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.keras4j.engine.LayerStack;
import io.github.keras4j.initializers.GlorotUniform;
import io.github.keras4j.initializers.Zeros;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Shape;
import io.github.keras4j.losses.CategoricalCrossentropy;
import io.github.keras4j.optimizers.Adam;
import io.github.keras4j.optimizers.SGD;
import io.github.keras4j.random.SeedGenerator;
import io.github.keras4j.regularizers.L2;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Configs keras4j cannot honour fail naming the layer or option; the spellings of older Keras versions are understood. */
class UnsupportedConfigsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The JSON of Dense(4, relu) on input (3,), compiled with Adam and categorical cross-entropy, edited by {@code edit}. */
    private static String json(Consumer<ObjectNode> edit) throws Exception {
        SeedGenerator.setGlobalSeed(1);
        LayerStack stack = TestModels.stack(List.of(new Dense(4, "relu").inputShape(3)));
        ObjectNode root = (ObjectNode) MAPPER.readTree(Saving.toJson(TestModels.describe(stack, new Adam(), new CategoricalCrossentropy(), "acc")));
        edit.accept(root);
        return root.toString();
    }

    private static ObjectNode dense(ObjectNode root) {
        return (ObjectNode) root.get("config").get("layers").get(1).get("config");
    }

    private static ObjectNode optimizer(ObjectNode root) {
        return (ObjectNode) root.get("compile_config").get("optimizer").get("config");
    }

    private static String failure(String json) {
        ModelFileException e = assertThrows(ModelFileException.class, () -> Saving.fromJson(json));
        assertTrue(e.getMessage().startsWith("Cannot load model JSON: "), e.getMessage());
        return e.getMessage().substring("Cannot load model JSON: ".length());
    }

    @Test
    void unsupportedLayerIsNamed() throws Exception {
        String msg = failure(json(root -> ((ObjectNode) root.get("config").get("layers").get(1)).put("class_name", "LSTM")));
        assertEquals("layer 'dense' (LSTM, index 0) is a LSTM layer, which keras4j does not support yet. keras4j loads models "
                + "made of the layers Dense, Flatten, Activation, Dropout, BatchNormalization, Reshape, Rescaling, Conv2D, MaxPooling2D,"
                + " AveragePooling2D, GlobalAveragePooling2D, GlobalMaxPooling2D, InputLayer.", msg);
    }

    @Test
    void unknownActivationIsNamed() throws Exception {
        String msg = failure(json(root -> dense(root).put("activation", "mish")));
        assertTrue(msg.startsWith("layer 'dense' (Dense, index 0) uses the activation 'mish', which keras4j does not support. "
                + "Unknown activation 'mish'."), msg);
        assertTrue(msg.contains("Known activations: elu, exponential, gelu"), msg);
    }

    @Test
    void mixedPrecisionIsNamed() throws Exception {
        String msg = failure(json(root -> ((ObjectNode) dense(root).get("dtype").get("config")).put("name", "mixed_float16")));
        assertEquals("layer 'dense' (Dense, index 0) uses the dtype policy 'mixed_float16', which keras4j does not support; "
                + "keras4j computes in float32 (or float64).", msg);
    }

    @Test
    void constraintIsNamed() throws Exception {
        String msg = failure(json(root -> dense(root).set("kernel_constraint", MAPPER.createObjectNode().put("class_name", "MaxNorm"))));
        assertEquals("layer 'dense' (Dense, index 0) uses kernel_constraint={\"class_name\":\"MaxNorm\"}, which keras4j does not support.", msg);
    }

    @Test
    void unknownLayerOptionIsNamed() throws Exception {
        String msg = failure(json(root -> dense(root).put("lora_rank", 4).put("flux", "on")));
        assertEquals("layer 'dense' (Dense, index 0) uses lora_rank=4, which keras4j does not support.", msg);
        String other = failure(json(root -> dense(root).put("flux", "on")));
        assertEquals("layer 'dense' (Dense, index 0) uses option flux=\"on\" that keras4j does not support. Remove it in Keras "
                + "before saving, or load the weights into a keras4j model built without it.", other);
    }

    @Test
    void optimizerOptionsAndClassesAreNamed() throws Exception {
        assertEquals("optimizer Adam uses use_ema=true (an exponential moving average of the weights), which keras4j does not support."
                        + " Load it without its compile settings (Models.load(path, false)) and compile it in keras4j, or save it from Keras without use_ema.",
                failure(json(root -> optimizer(root).put("use_ema", true))));
        assertEquals("the model was compiled with the optimizer Lion, which keras4j does not support; keras4j supports SGD, Adam, AdamW,"
                        + " RMSprop, Adagrad, Nadam, Adamax, Adadelta",
                failure(json(root -> ((ObjectNode) root.get("compile_config").get("optimizer")).put("class_name", "Lion"))));
        assertTrue(failure(json(root -> optimizer(root).set("learning_rate", MAPPER.createObjectNode().put("class_name", "CosineDecayRestarts"))))
                .startsWith("optimizer Adam uses the learning-rate schedule CosineDecayRestarts, which keras4j does not support;"));
        assertEquals("optimizer Adam has an invalid config: Adam clips gradients one way only, but clipnorm is 1.0 and clipvalue would"
                        + " be 0.5. Turn the other off first, e.g. clipnorm(null).",
                failure(json(root -> optimizer(root).put("clipnorm", 1.0).put("clipvalue", 0.5))));
    }

    @Test
    void lossOptionsAndClassesAreNamed() throws Exception {
        ObjectNode huber = MAPPER.createObjectNode().put("class_name", "Huber");
        huber.set("config", MAPPER.createObjectNode().put("delta", 1.0));
        assertTrue(failure(json(root -> ((ObjectNode) root.get("compile_config")).set("loss", huber)))
                .startsWith("the model was compiled with the loss Huber, which keras4j does not support; keras4j supports "
                        + "CategoricalCrossentropy, SparseCategoricalCrossentropy, BinaryCrossentropy, MeanSquaredError, "
                        + "MeanAbsoluteError, Hinge, SquaredHinge, CategoricalHinge and the identifiers "));
        assertEquals("loss CategoricalCrossentropy uses label_smoothing=0.1, which keras4j does not support.",
                failure(json(root -> ((ObjectNode) root.get("compile_config").get("loss").get("config")).put("label_smoothing", 0.1))));
    }

    @Test
    void modelCompiledWithoutALossLoadsUncompiled() throws Exception {
        ModelDescription model = Saving.fromJson(json(root -> ((ObjectNode) root.get("compile_config")).putNull("loss")));
        assertEquals(null, model.compile());
        assertTrue(model.isBuilt());
    }

    @Test
    void modelsOfOtherClassesAreNamed() throws Exception {
        assertEquals("the file holds a MyModel model; keras4j loads Sequential models, and Functional models whose layers form a"
                + " chain from one input to one output", failure(json(root -> root.put("class_name", "MyModel"))));
        assertEquals("the Functional model 'sequential' has no input_layers", failure(json(root -> root.put("class_name", "Functional"))));
    }

    @Test
    void invalidJsonIsReported() {
        assertTrue(failure("{\"class_name\": ").startsWith("the JSON is not valid JSON: Unexpected end-of-input"), failure("{\"class_name\": "));
        assertEquals("the JSON does not hold a JSON object", failure("[1, 2]"));
        assertEquals("the model config has no 'class_name'; expected a serialized Keras object such as {\"class_name\": \"Dense\", "
                + "\"config\": {...}}, got {\"config\":{}}", failure("{\"config\": {}}"));
    }

    @Test
    void keras2SpellingsAreUnderstood() throws Exception {
        // tf.keras 2 style: no InputLayer, batch_input_shape on the first layer, string initializers and regularizers,
        // activation as a function object, a Keras 2 optimizer with "lr" and "decay", metrics as a list.
        String json = "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"old\", \"layers\": ["
                + "{\"class_name\": \"Dense\", \"config\": {\"name\": \"hidden\", \"trainable\": true, \"dtype\": \"float32\","
                + " \"batch_input_shape\": [null, 6], \"units\": 5, \"activation\": {\"class_name\": \"function\", \"config\": \"tanh\"},"
                + " \"use_bias\": true, \"kernel_initializer\": \"glorot_uniform\", \"bias_initializer\": \"zeros\","
                + " \"kernel_regularizer\": \"l2\", \"bias_regularizer\": null, \"activity_regularizer\": null,"
                + " \"kernel_constraint\": null, \"bias_constraint\": null}},"
                + "{\"class_name\": \"Dropout\", \"config\": {\"name\": \"dropout\", \"rate\": 0.5, \"noise_shape\": null, \"seed\": 3}}]},"
                + " \"compile_config\": {\"optimizer\": {\"class_name\": \"SGD\", \"config\": {\"name\": \"SGD\", \"lr\": 0.2,"
                + " \"decay\": 0.0, \"momentum\": 0.5, \"nesterov\": true}}, \"loss\": \"mse\", \"metrics\": [\"mae\"]}}";

        ModelDescription model = Saving.fromJson(json);

        assertEquals("old", model.name());
        assertEquals(Shape.of(6), model.inputShape());
        Dense hidden = (Dense) model.layers().get(0);
        assertEquals("hidden", hidden.name());
        assertEquals("tanh", hidden.activation().name());
        assertInstanceOf(GlorotUniform.class, hidden.kernelInitializer());
        assertInstanceOf(Zeros.class, hidden.biasInitializer());
        assertEquals(0.01, ((L2) hidden.kernelRegularizer()).l2());
        assertTrue(hidden.isBuilt());
        SGD sgd = assertInstanceOf(SGD.class, model.compile().optimizer());
        assertEquals(0.2, sgd.learningRate());
        assertEquals(0.5, sgd.momentum());
        assertTrue(sgd.nesterov());
        assertEquals("mean_squared_error", model.compile().loss().name());
        assertEquals(List.of("mae"), model.compile().metrics());
    }

    @Test
    void configWhoseShapesDoNotChainIsRejected() throws Exception {
        String msg = failure(json(root -> ((ObjectNode) root.get("config").get("layers").get(1).get("build_config"))
                .set("input_shape", MAPPER.createArrayNode().addNull().add(5))));
        assertEquals("Layer 'dense' (Dense, index 0) was built in Keras for input (None, 5) but the layers before it output (None, 3); "
                + "the config is inconsistent", msg);
    }
}
