package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.keras4j.engine.LayerStack;
import io.github.keras4j.layers.Activation;
import io.github.keras4j.layers.AveragePooling2D;
import io.github.keras4j.layers.BatchNormalization;
import io.github.keras4j.layers.Conv2D;
import io.github.keras4j.layers.GlobalAveragePooling2D;
import io.github.keras4j.layers.GlobalMaxPooling2D;
import io.github.keras4j.layers.MaxPooling2D;
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
        EXAMPLES.put("Conv2D", () -> new Conv2D(3, 2, "relu").kernelSize(2, 3).padding("same").strides(2, 1));
        EXAMPLES.put("MaxPooling2D", () -> new MaxPooling2D(2).strides(1, 2).padding("same"));
        EXAMPLES.put("AveragePooling2D", () -> new AveragePooling2D(2));
        EXAMPLES.put("GlobalAveragePooling2D", GlobalAveragePooling2D::new);
        EXAMPLES.put("GlobalMaxPooling2D", GlobalMaxPooling2D::new);
    }

    /** The model input of each example: (4, 6), or images (4, 6, 2) for the image layers. */
    private static int[] input(String className) {
        return className.endsWith("2D") ? new int[] {4, 6, 2} : new int[] {4, 6};
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
            // (4, 6) or (4, 6, 2) input -> Dense -> the example -> Flatten -> Dense(2)
            int[] in = input(e.getKey());
            List<Layer> layers = List.of(new Dense(6, "relu").inputShape(in), e.getValue().get(), new Flatten(), new Dense(2));
            LayerStack stack = TestModels.stack(layers);
            Adam adam = new Adam();
            INDArray x = TestModels.inputs(1, 16, in);
            INDArray y = TestModels.inputs(2, 16, 2);
            TestModels.train(stack, new MeanSquaredError(), adam, x, y, 3, 8);
            ModelDescription saved = TestModels.describe(stack, adam, new MeanSquaredError());
            Path file = dir.resolve(e.getKey() + ".keras");
            Saving.saveModel(saved, file);
            ModelDescription loaded = Saving.loadModel(file);
            RoundTripTest.assertWeightsEqual(saved.layers(), loaded.layers());
            INDArray xTest = TestModels.inputs(9, 5, in);
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
