package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.keras4j.losses.BinaryCrossentropy;
import io.github.keras4j.losses.CategoricalCrossentropy;
import io.github.keras4j.losses.CategoricalHinge;
import io.github.keras4j.losses.Hinge;
import io.github.keras4j.losses.Loss;
import io.github.keras4j.losses.MeanAbsoluteError;
import io.github.keras4j.losses.MeanSquaredError;
import io.github.keras4j.losses.SparseCategoricalCrossentropy;
import io.github.keras4j.losses.SquaredHinge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every keras4j loss is written as Keras 3 writes it and read back equal; Keras' objects and identifiers are read. */
class LossConfigsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** keras4j loss and what Keras 3.6 writes in the compile config for it. */
    static Stream<Arguments> losses() {
        return Stream.of(
                Arguments.of(new BinaryCrossentropy(), keras("BinaryCrossentropy", "binary_crossentropy",
                        "\"from_logits\": false, \"label_smoothing\": 0.0, \"axis\": -1")),
                Arguments.of(new BinaryCrossentropy(true), keras("BinaryCrossentropy", "binary_crossentropy",
                        "\"from_logits\": true, \"label_smoothing\": 0.0, \"axis\": -1")),
                Arguments.of(new CategoricalCrossentropy(true), keras("CategoricalCrossentropy", "categorical_crossentropy",
                        "\"from_logits\": true, \"label_smoothing\": 0.0, \"axis\": -1")),
                Arguments.of(new SparseCategoricalCrossentropy(), keras("SparseCategoricalCrossentropy",
                        "sparse_categorical_crossentropy", "\"from_logits\": false, \"ignore_class\": null")),
                // Losses without options: as Keras writes a loss compiled by its identifier.
                Arguments.of(new MeanSquaredError(), "\"mean_squared_error\""),
                Arguments.of(new MeanAbsoluteError(), "\"mean_absolute_error\""),
                Arguments.of(new Hinge(), "\"hinge\""),
                Arguments.of(new SquaredHinge(), "\"squared_hinge\""),
                Arguments.of(new CategoricalHinge(), "\"categorical_hinge\""));
    }

    static String keras(String className, String name, String options) {
        return "{\"module\": \"keras.losses\", \"class_name\": \"" + className + "\", \"config\": {\"name\": \"" + name
                + "\", \"reduction\": \"sum_over_batch_size\"" + (options.isEmpty() ? "" : ", " + options) + "}, \"registered_name\": null}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("losses")
    void writtenAsKerasWritesItAndReadBackEqual(Loss loss, String kerasJson) throws Exception {
        JsonNode written = LossConfigs.write(loss);
        Loss read = LossConfigs.read(written);

        assertEquals(MAPPER.readTree(kerasJson).toString(), written.toString());
        assertEquals(loss.getClass(), read.getClass());
        assertEquals(written.toString(), LossConfigs.write(read).toString(), "configuration after the round trip");
    }

    @Test
    void kerasObjectsOfTheLossesWithoutOptionsAreRead() throws Exception {
        Map<String, Class<? extends Loss>> classes = Map.of(
                keras("MeanAbsoluteError", "mean_absolute_error", ""), MeanAbsoluteError.class,
                keras("MeanSquaredError", "mean_squared_error", ""), MeanSquaredError.class,
                keras("Hinge", "hinge", ""), Hinge.class,
                keras("SquaredHinge", "squared_hinge", ""), SquaredHinge.class,
                keras("CategoricalHinge", "categorical_hinge", ""), CategoricalHinge.class);
        for (Map.Entry<String, Class<? extends Loss>> e : classes.entrySet()) {
            assertEquals(e.getValue(), LossConfigs.read(MAPPER.readTree(e.getKey())).getClass(), e.getKey());
        }
    }

    @Test
    void kerasIdentifiersAndAliasesAreRead() {
        Map<String, Class<? extends Loss>> ids = Map.of(
                "mae", MeanAbsoluteError.class, "mean_absolute_error", MeanAbsoluteError.class,
                "binary_crossentropy", BinaryCrossentropy.class, "bce", BinaryCrossentropy.class,
                "hinge", Hinge.class, "squared_hinge", SquaredHinge.class, "categorical_hinge", CategoricalHinge.class);
        ids.forEach((id, type) -> assertEquals(type, LossConfigs.read(MAPPER.getNodeFactory().textNode(id)).getClass(), id));
        assertFalse(((BinaryCrossentropy) LossConfigs.read(MAPPER.getNodeFactory().textNode("binary_crossentropy"))).fromLogits());
    }

    @Test
    void binaryCrossentropyFromLogitsIsReadFromKerasConfig() throws Exception {
        BinaryCrossentropy bce = assertInstanceOf(BinaryCrossentropy.class, LossConfigs.read(MAPPER.readTree(keras("BinaryCrossentropy",
                "binary_crossentropy", "\"from_logits\": true, \"label_smoothing\": 0.0, \"axis\": -1"))));
        assertTrue(bce.fromLogits());
    }

    @Test
    void unsupportedOptionsAreNamed() {
        assertEquals("loss BinaryCrossentropy uses label_smoothing=0.1, which keras4j does not support.",
                failure(keras("BinaryCrossentropy", "binary_crossentropy", "\"from_logits\": false, \"label_smoothing\": 0.1, \"axis\": -1")));
        assertEquals("loss BinaryCrossentropy uses axis=1, which keras4j does not support.",
                failure(keras("BinaryCrossentropy", "binary_crossentropy", "\"from_logits\": false, \"label_smoothing\": 0.0, \"axis\": 1")));
        assertEquals("loss Hinge uses reduction=\"sum\", which keras4j does not support.",
                failure("{\"class_name\": \"Hinge\", \"config\": {\"name\": \"hinge\", \"reduction\": \"sum\"}}"));
        assertEquals("loss BinaryCrossentropy has from_logits=\"yes\" in its config; expected true or false.",
                failure(keras("BinaryCrossentropy", "binary_crossentropy", "\"from_logits\": \"yes\"")));
        String focal = failure(keras("BinaryFocalCrossentropy", "binary_focal_crossentropy", "\"gamma\": 2.0"));
        assertTrue(focal.startsWith("the model was compiled with the loss BinaryFocalCrossentropy, which keras4j does not support; "
                + "keras4j supports CategoricalCrossentropy, SparseCategoricalCrossentropy, BinaryCrossentropy, MeanSquaredError, "
                + "MeanAbsoluteError, Hinge, SquaredHinge, CategoricalHinge and the identifiers "), focal);
    }

    private static String failure(String json) {
        return assertThrows(IllegalArgumentException.class, () -> LossConfigs.read(MAPPER.readTree(json))).getMessage();
    }
}
