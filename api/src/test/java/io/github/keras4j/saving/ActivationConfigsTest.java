package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.keras4j.activations.ActivationFunction;
import io.github.keras4j.activations.Activations;
import io.github.keras4j.activations.Elu;
import io.github.keras4j.activations.Gelu;
import io.github.keras4j.activations.LeakyRelu;
import io.github.keras4j.activations.Swish;
import io.github.keras4j.layers.Activation;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Layer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Activations are written with the identifiers Keras 3 writes and read back; settings Keras cannot hold fail to save. */
class ActivationConfigsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String OWNER = "layer 'dense' (Dense, index 0)";

    /** What Keras 3 writes for each of keras4j's activations: its identifier, {@code silu} for swish. */
    private static final Map<String, String> KERAS_IDS = Map.ofEntries(
            Map.entry("linear", "linear"), Map.entry("sigmoid", "sigmoid"), Map.entry("tanh", "tanh"), Map.entry("relu", "relu"),
            Map.entry("softmax", "softmax"), Map.entry("leaky_relu", "leaky_relu"), Map.entry("elu", "elu"),
            Map.entry("selu", "selu"), Map.entry("softplus", "softplus"), Map.entry("softsign", "softsign"),
            Map.entry("hard_sigmoid", "hard_sigmoid"), Map.entry("swish", "silu"), Map.entry("gelu", "gelu"),
            Map.entry("exponential", "exponential"));

    @Test
    void everyActivationIsWrittenWithKerasIdentifierAndReadBack() {
        List<String> covered = new ArrayList<>();
        for (String id : Activations.ids()) {
            ActivationFunction f = Activations.get(id);
            String written = ActivationConfigs.write(f, OWNER);
            assertEquals(KERAS_IDS.get(f.name()), written, id);
            ActivationFunction read = ActivationConfigs.read(MAPPER.getNodeFactory().textNode(written), OWNER);
            assertEquals(f.getClass(), read.getClass(), id);
            covered.add(f.name());
        }
        assertEquals(KERAS_IDS.keySet(), new java.util.TreeSet<>(covered), "every activation of the registry has its Keras identifier");
    }

    @Test
    void swishAndSiluBothReadAsSwishAndSwishIsWrittenAsSilu() throws Exception {
        assertInstanceOf(Swish.class, ActivationConfigs.read(MAPPER.getNodeFactory().textNode("swish"), OWNER));
        assertInstanceOf(Swish.class, ActivationConfigs.read(MAPPER.getNodeFactory().textNode("silu"), OWNER));
        assertInstanceOf(Swish.class, ActivationConfigs.read(MAPPER.readTree("{\"module\": \"keras.src.activations.activations\","
                + " \"class_name\": \"function\", \"config\": \"silu\", \"registered_name\": \"function\"}"), OWNER));
        assertEquals("silu", ActivationConfigs.write(new Swish(), OWNER));
    }

    @Test
    void layersWriteKerasIdentifiers() {
        List<Layer> layers = TestModels.stack(List.of(new Dense(3, "swish").inputShape(2), new Activation("silu"))).layers();
        assertEquals("\"silu\"", LayerConfigs.write(layers.get(0)).get("config").get("activation").toString());
        assertEquals("\"silu\"", LayerConfigs.write(layers.get(1)).get("config").get("activation").toString());
    }

    @Test
    void settingsKerasCannotHoldFailToSaveNamingThem() {
        assertEquals(OWNER + " uses the activation leaky_relu with negative_slope=0.1, which a Keras config cannot hold: Keras writes"
                + " activations by name and reads them back with negative_slope=0.2. Use the default to save the model, or save the"
                + " weights alone.", assertThrows(IllegalArgumentException.class,
                () -> ActivationConfigs.write(new LeakyRelu(0.1), OWNER)).getMessage());
        assertEquals(OWNER + " uses the activation elu with alpha=0.5, which a Keras config cannot hold: Keras writes activations by"
                + " name and reads them back with alpha=1.0. Use the default to save the model, or save the weights alone.",
                assertThrows(IllegalArgumentException.class, () -> ActivationConfigs.write(new Elu(0.5), OWNER)).getMessage());
        assertEquals(OWNER + " uses the activation gelu with approximate=true, which a Keras config cannot hold: Keras writes"
                + " activations by name and reads them back with approximate=false. Use the default to save the model, or save the"
                + " weights alone.", assertThrows(IllegalArgumentException.class,
                () -> ActivationConfigs.write(new Gelu(true), OWNER)).getMessage());
        assertEquals("leaky_relu", ActivationConfigs.write(new LeakyRelu(LeakyRelu.DEFAULT_NEGATIVE_SLOPE), OWNER));
    }

    @Test
    void unknownActivationsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ActivationConfigs.read(MAPPER.getNodeFactory().textNode("hard_silu"), OWNER));
        assertEquals(OWNER + " uses the activation 'hard_silu', which keras4j does not support. Unknown activation 'hard_silu'."
                + " Known activations: " + String.join(", ", Activations.ids()) + ".", e.getMessage());
    }
}
