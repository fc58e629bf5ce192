package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.keras4j.activations.Swish;
import io.github.keras4j.initializers.Constant;
import io.github.keras4j.initializers.GlorotNormal;
import io.github.keras4j.initializers.GlorotUniform;
import io.github.keras4j.initializers.HeNormal;
import io.github.keras4j.initializers.HeUniform;
import io.github.keras4j.initializers.LecunNormal;
import io.github.keras4j.initializers.LecunUniform;
import io.github.keras4j.initializers.Ones;
import io.github.keras4j.initializers.RandomNormal;
import io.github.keras4j.initializers.RandomUniform;
import io.github.keras4j.initializers.TruncatedNormal;
import io.github.keras4j.initializers.VarianceScaling;
import io.github.keras4j.initializers.Zeros;
import io.github.keras4j.layers.Activation;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Layer;
import io.github.keras4j.losses.BinaryCrossentropy;
import io.github.keras4j.losses.CategoricalHinge;
import io.github.keras4j.optimizers.Adagrad;
import io.github.keras4j.optimizers.RMSprop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Model configs written by hand the way Keras 3.6's {@code model.to_json()} writes them, using every
 * initializer, activation, loss and optimizer keras4j supports beyond the fixtures' (seeds null or set, Keras'
 * float32 learning rates, {@code silu}): keras4j reads them, and writes them back identically, directly and
 * through a {@code .keras} file.
 */
class Keras3ConfigsTest {
    static final String EVERY_INITIALIZER = "keras3-rmsprop-every-initializer.json";
    static final String ADAGRAD = "keras3-adagrad-categorical-hinge.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    static String resource(String name) throws IOException {
        try (InputStream in = Keras3ConfigsTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyInitializerAndActivationAndRmspropWithBinaryCrossentropyAreRead() throws IOException {
        ModelDescription model = Saving.fromJson(resource(EVERY_INITIALIZER));

        List<Layer> layers = model.layers();
        assertEquals(List.of("dense", "dense_1", "dense_2", "dense_3", "dense_4", "dense_5", "activation", "activation_1", "dense_6"),
                layers.stream().map(Layer::name).toList());
        assertDense(layers.get(0), "leaky_relu", HeNormal.class, Ones.class);
        assertDense(layers.get(1), "elu", LecunUniform.class, Constant.class);
        assertEquals(3L, ((Dense) layers.get(1)).kernelInitializer().seed());
        assertEquals(0.1, ((Constant) ((Dense) layers.get(1)).biasInitializer()).value());
        assertDense(layers.get(2), "selu", LecunNormal.class, RandomNormal.class);
        assertNull(((Dense) layers.get(2)).kernelInitializer().seed());
        assertEquals("RandomNormal(mean=0.0, stddev=0.05, seed=5)", ((Dense) layers.get(2)).biasInitializer().toString());
        assertDense(layers.get(3), "softplus", VarianceScaling.class, TruncatedNormal.class);
        assertEquals("VarianceScaling(scale=2.0, mode=fan_out, distribution=untruncated_normal)",
                ((Dense) layers.get(3)).kernelInitializer().toString());
        assertEquals("TruncatedNormal(mean=0.0, stddev=0.05)", ((Dense) layers.get(3)).biasInitializer().toString());
        assertDense(layers.get(4), "softsign", GlorotNormal.class, RandomUniform.class);
        assertEquals(7L, ((Dense) layers.get(4)).kernelInitializer().seed());
        assertEquals("RandomUniform(minval=-0.05, maxval=0.05)", ((Dense) layers.get(4)).biasInitializer().toString());
        assertDense(layers.get(5), "hard_sigmoid", HeUniform.class, Zeros.class);
        assertInstanceOf(Swish.class, ((Activation) layers.get(6)).activation(), "Keras' silu");
        assertEquals("gelu", ((Activation) layers.get(7)).activation().name());
        assertDense(layers.get(8), "exponential", GlorotUniform.class, Zeros.class);
        assertTrue(model.isBuilt());

        RMSprop rms = assertInstanceOf(RMSprop.class, model.compile().optimizer());
        assertEquals(0.009999999776482582, rms.learningRate());
        assertEquals(0.8, rms.rho());
        assertEquals(0.5, rms.momentum());
        assertEquals(1e-7, rms.epsilon());
        assertTrue(rms.centered());
        assertFalse(assertInstanceOf(BinaryCrossentropy.class, model.compile().loss()).fromLogits());
        assertEquals(List.of("accuracy"), model.compile().metrics());
    }

    @Test
    void adagradWithCategoricalHingeIsRead() throws IOException {
        ModelDescription model = Saving.fromJson(resource(ADAGRAD));
        Adagrad adagrad = assertInstanceOf(Adagrad.class, model.compile().optimizer());
        assertEquals(0.0010000000474974513, adagrad.learningRate());
        assertEquals(0.1, adagrad.initialAccumulatorValue());
        assertEquals(1e-7, adagrad.epsilon());
        assertInstanceOf(CategoricalHinge.class, model.compile().loss());
        assertDense(model.layers().get(1), "linear", GlorotUniform.class, Zeros.class);
    }

    @Test
    void writtenBackAsKerasWroteThem() throws IOException {
        for (String name : List.of(EVERY_INITIALIZER, ADAGRAD)) {
            String keras = resource(name);
            assertEquals(normalized(keras), normalized(Saving.toJson(Saving.fromJson(keras))), name);
        }
    }

    @Test
    void writtenBackAsKerasWroteThemThroughAKerasFile() throws IOException {
        for (String name : List.of(EVERY_INITIALIZER, ADAGRAD)) {
            String keras = resource(name);
            Path file = dir.resolve(name.replace(".json", ".keras"));
            Saving.saveModel(Saving.fromJson(keras), file);
            ModelDescription loaded = Saving.loadModel(file);
            assertEquals(normalized(keras), normalized(Saving.toJson(loaded)), name);
            assertEquals(normalized(keras), normalized(new String(StructureTest.entry(file, "config.json"), StandardCharsets.UTF_8)));
        }
    }

    private static void assertDense(Layer layer, String activation, Class<?> kernelInitializer, Class<?> biasInitializer) {
        Dense dense = assertInstanceOf(Dense.class, layer);
        assertEquals(activation, dense.activation().name(), layer.name());
        assertEquals(kernelInitializer, dense.kernelInitializer().getClass(), layer.name());
        assertEquals(biasInitializer, dense.biasInitializer().getClass(), layer.name());
    }

    /** Compact JSON text in key order, without Keras' object-sharing ids (they differ between runs of Keras itself). */
    private static String normalized(String json) throws IOException {
        JsonNode root = MAPPER.readTree(json);
        dropSharedIds(root);
        return root.toString();
    }

    private static void dropSharedIds(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove("shared_object_id");
        }
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            dropSharedIds(it.next());
        }
    }
}
