package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.keras4j.engine.LayerStack;
import io.github.keras4j.layers.Activation;
import io.github.keras4j.layers.BatchNormalization;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Dropout;
import io.github.keras4j.layers.Flatten;
import io.github.keras4j.layers.Layer;
import io.github.keras4j.layers.Rescaling;
import io.github.keras4j.layers.Reshape;
import io.github.keras4j.losses.MeanSquaredError;
import io.github.keras4j.optimizers.Adam;
import io.github.keras4j.random.SeedGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The saving half of the layer contract, for every layer class keras4j registers: an example of it (in a
 * non-default configuration) writes a Keras config that reads back to a layer writing the very same config, and a
 * model holding it, trained a few steps, saves to {@code .keras} and loads back with every weight (trainable or not)
 * bit for bit. A layer class registered without an example here fails the test, so a new layer cannot skip it.
 */
class LayerCodecContractTest {
    @TempDir
    Path dir;

    /** Per Keras class: an example layer for a model of input {@link #input}. */
    private static final Map<String, Supplier<Layer>> EXAMPLES = new LinkedHashMap<>();

    static {
        EXAMPLES.put("Dense", () -> new Dense(3, "tanh").useBias(false));
        EXAMPLES.put("Flatten", Flatten::new);
        EXAMPLES.put("Activation", () -> new Activation("relu"));
        EXAMPLES.put("Dropout", () -> new Dropout(0.3, 5L));
        EXAMPLES.put("BatchNormalization", () -> new BatchNormalization().momentum(0.9).epsilon(0.01).center(false));
        EXAMPLES.put("Reshape", () -> new Reshape(-1, 2));
        EXAMPLES.put("Rescaling", () -> new Rescaling(0.5, 0.25));
    }

    @Test
    void everyRegisteredLayerHasAnExample() {
        List<String> missing = new ArrayList<>(LayerCodecs.classNames());
        missing.removeAll(EXAMPLES.keySet());
        assertEquals(List.of(), missing, "registered layer classes without an example in this test");
    }

    @Test
    void everyLayerConfigReadsBackToTheSameConfig() {
        for (Map.Entry<String, Supplier<Layer>> e : EXAMPLES.entrySet()) {
            Layer layer = e.getValue().get();
            layer.assignName("example");
            JsonNode written = LayerConfigs.write(layer);
            assertEquals(e.getKey(), written.get("class_name").asText());
            Layer read = LayerConfigs.read(written, 0).layer();
            assertEquals(layer.getClass(), read.getClass(), e.getKey());
            assertEquals(written.toString(), LayerConfigs.write(read).toString(), e.getKey() + ": config round trip");
        }
    }

    @Test
    void everyLayerSavesAndLoadsWithItsWeightsBitForBit() {
        for (Map.Entry<String, Supplier<Layer>> e : EXAMPLES.entrySet()) {
            SeedGenerator.setGlobalSeed(3);
            // (4, 6) input -> the example -> Flatten -> Dense(2): every example accepts a rank-2 sample
            List<Layer> layers = List.of(new Dense(6, "relu").inputShape(4, 6), e.getValue().get(), new Flatten(), new Dense(2));
            LayerStack stack = TestModels.stack(layers);
            Adam adam = new Adam();
            INDArray x = TestModels.inputs(1, 16, 4, 6);
            INDArray y = TestModels.inputs(2, 16, 2);
            TestModels.train(stack, new MeanSquaredError(), adam, x, y, 3, 8);
            ModelDescription saved = TestModels.describe(stack, adam, new MeanSquaredError());
            Path file = dir.resolve(e.getKey() + ".keras");
            Saving.saveModel(saved, file);
            ModelDescription loaded = Saving.loadModel(file);
            RoundTripTest.assertWeightsEqual(saved.layers(), loaded.layers());
            INDArray xTest = TestModels.inputs(9, 5, 4, 6);
            assertArrayEquals(Forward.predict(saved.layers(), xTest).data().asFloat(),
                    Forward.predict(loaded.layers(), xTest).data().asFloat(), e.getKey() + ": predictions");
            assertEquals(3, loaded.compile().optimizer().iterations());
        }
    }

    @Test
    void aFrozenLayerSavesAndLoadsFrozen() {
        Layer frozen = new Dense(3).trainable(false);
        frozen.assignName("frozen");
        JsonNode written = LayerConfigs.write(frozen);
        assertEquals(false, written.get("config").get("trainable").asBoolean(true));
        Layer read = LayerConfigs.read(written, 0).layer();
        assertTrue(!read.isTrainable(), "trainable=false in a config loads a frozen layer");
    }
}
