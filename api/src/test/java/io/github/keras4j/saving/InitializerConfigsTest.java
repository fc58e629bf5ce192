package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.keras4j.initializers.Constant;
import io.github.keras4j.initializers.GlorotNormal;
import io.github.keras4j.initializers.GlorotUniform;
import io.github.keras4j.initializers.HeNormal;
import io.github.keras4j.initializers.HeUniform;
import io.github.keras4j.initializers.Initializer;
import io.github.keras4j.initializers.LecunNormal;
import io.github.keras4j.initializers.LecunUniform;
import io.github.keras4j.initializers.Ones;
import io.github.keras4j.initializers.RandomNormal;
import io.github.keras4j.initializers.RandomUniform;
import io.github.keras4j.initializers.TruncatedNormal;
import io.github.keras4j.initializers.VarianceScaling;
import io.github.keras4j.initializers.VarianceScaling.Distribution;
import io.github.keras4j.initializers.VarianceScaling.Mode;
import io.github.keras4j.initializers.Zeros;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every keras4j initializer is written as Keras 3 writes it and read back with the same configuration; the
 * configs and identifiers Keras writes are read.
 */
class InitializerConfigsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String OWNER = "layer 'dense' (Dense, index 0)";

    /** keras4j initializer and the serialized object Keras 3.6 writes for the same initializer. */
    static Stream<Arguments> initializers() {
        return Stream.of(
                Arguments.of(new GlorotUniform(), "GlorotUniform", "{\"seed\": null}"),
                Arguments.of(new GlorotNormal(), "GlorotNormal", "{\"seed\": null}"),
                Arguments.of(new GlorotNormal(3), "GlorotNormal", "{\"seed\": 3}"),
                Arguments.of(new HeUniform(), "HeUniform", "{\"seed\": null}"),
                Arguments.of(new HeNormal(17), "HeNormal", "{\"seed\": 17}"),
                Arguments.of(new LecunUniform(), "LecunUniform", "{\"seed\": null}"),
                Arguments.of(new LecunNormal(), "LecunNormal", "{\"seed\": null}"),
                Arguments.of(new VarianceScaling(), "VarianceScaling",
                        "{\"seed\": null, \"scale\": 1.0, \"mode\": \"fan_in\", \"distribution\": \"truncated_normal\"}"),
                Arguments.of(new VarianceScaling(0.5, Mode.FAN_AVG, Distribution.UNIFORM, 9), "VarianceScaling",
                        "{\"seed\": 9, \"scale\": 0.5, \"mode\": \"fan_avg\", \"distribution\": \"uniform\"}"),
                Arguments.of(new VarianceScaling(2.0, Mode.FAN_OUT, Distribution.UNTRUNCATED_NORMAL), "VarianceScaling",
                        "{\"seed\": null, \"scale\": 2.0, \"mode\": \"fan_out\", \"distribution\": \"untruncated_normal\"}"),
                Arguments.of(new RandomNormal(), "RandomNormal", "{\"seed\": null, \"mean\": 0.0, \"stddev\": 0.05}"),
                Arguments.of(new RandomNormal(1.5, 0.2, 4), "RandomNormal", "{\"seed\": 4, \"mean\": 1.5, \"stddev\": 0.2}"),
                Arguments.of(new RandomUniform(), "RandomUniform", "{\"seed\": null, \"minval\": -0.05, \"maxval\": 0.05}"),
                Arguments.of(new RandomUniform(-1, 2, 5), "RandomUniform", "{\"seed\": 5, \"minval\": -1.0, \"maxval\": 2.0}"),
                Arguments.of(new TruncatedNormal(), "TruncatedNormal", "{\"seed\": null, \"mean\": 0.0, \"stddev\": 0.05}"),
                Arguments.of(new TruncatedNormal(0.1, 0.3, 6), "TruncatedNormal", "{\"seed\": 6, \"mean\": 0.1, \"stddev\": 0.3}"),
                Arguments.of(new Zeros(), "Zeros", "{}"),
                Arguments.of(new Ones(), "Ones", "{}"),
                Arguments.of(new Constant(), "Constant", "{\"value\": 0.0}"),
                Arguments.of(new Constant(0.25), "Constant", "{\"value\": 0.25}"));
    }

    static JsonNode keras(String className, String config) throws Exception {
        return MAPPER.readTree("{\"module\": \"keras.initializers\", \"class_name\": \"" + className + "\", \"config\": " + config
                + ", \"registered_name\": null}");
    }

    @ParameterizedTest(name = "{1} {2}")
    @MethodSource("initializers")
    void writtenAsKerasWritesItAndReadBackEqual(Initializer initializer, String className, String config) throws Exception {
        JsonNode expected = keras(className, config);

        JsonNode written = InitializerConfigs.write(initializer, OWNER);
        Initializer read = InitializerConfigs.read(written, OWNER);

        // Text, not tree, equality: the key order must be Keras' too.
        assertEquals(expected.toString(), written.toString());
        assertEquals(initializer.getClass(), read.getClass());
        assertEquals(expected.toString(), InitializerConfigs.write(read, OWNER).toString(), "configuration after the round trip");
        assertEquals(initializer.seed(), read.seed());
        boolean deterministic = initializer.seed() != null || initializer instanceof Zeros || initializer instanceof Ones
                || initializer instanceof Constant;
        if (deterministic) {
            assertArrayEquals(initializer.initialize(new long[] {7, 5}, DataType.FLOAT).data().asFloat(),
                    read.initialize(new long[] {7, 5}, DataType.FLOAT).data().asFloat(), "the read initializer fills the same values");
        } else {
            assertEquals(initializer.toString(), read.toString());
        }
    }

    @Test
    void kerasIdentifiersGiveKerasDefaults() {
        Map<String, Class<?>> ids = Map.ofEntries(
                Map.entry("glorot_uniform", GlorotUniform.class), Map.entry("glorot_normal", GlorotNormal.class),
                Map.entry("he_uniform", HeUniform.class), Map.entry("he_normal", HeNormal.class),
                Map.entry("lecun_uniform", LecunUniform.class), Map.entry("lecun_normal", LecunNormal.class),
                Map.entry("variance_scaling", VarianceScaling.class), Map.entry("random_normal", RandomNormal.class),
                Map.entry("normal", RandomNormal.class), Map.entry("random_uniform", RandomUniform.class),
                Map.entry("uniform", RandomUniform.class), Map.entry("truncated_normal", TruncatedNormal.class),
                Map.entry("zeros", Zeros.class), Map.entry("zero", Zeros.class), Map.entry("ones", Ones.class),
                Map.entry("one", Ones.class), Map.entry("constant", Constant.class));
        ids.forEach((id, type) -> assertEquals(type, InitializerConfigs.read(MAPPER.getNodeFactory().textNode(id), OWNER).getClass(), id));
        VarianceScaling v = (VarianceScaling) InitializerConfigs.read(MAPPER.getNodeFactory().textNode("variance_scaling"), OWNER);
        assertEquals("VarianceScaling(scale=1.0, mode=fan_in, distribution=truncated_normal)", v.toString());
    }

    @Test
    void keras315AxesAreReadWhenNullAndRefusedOtherwise() throws Exception {
        Initializer he = InitializerConfigs.read(keras("HeNormal", "{\"seed\": 1, \"input_axes\": null, \"output_axes\": null}"), OWNER);
        assertEquals(1L, assertInstanceOf(HeNormal.class, he).seed());
        Initializer v = InitializerConfigs.read(keras("VarianceScaling", "{\"seed\": null, \"scale\": 1.0, \"mode\": \"fan_avg\","
                + " \"distribution\": \"uniform\", \"input_axes\": null, \"output_axes\": null}"), OWNER);
        assertEquals("VarianceScaling(scale=1.0, mode=fan_avg, distribution=uniform)", v.toString());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InitializerConfigs.read(
                keras("GlorotUniform", "{\"seed\": null, \"input_axes\": [0, 1], \"output_axes\": null}"), OWNER));
        assertEquals("initializer GlorotUniform of " + OWNER + " uses input_axes=[0,1], which keras4j does not support.", e.getMessage());
    }

    @Test
    void kerasNormalDistributionMeansTruncatedNormal() throws Exception {
        Initializer v = InitializerConfigs.read(keras("VarianceScaling", "{\"seed\": null, \"scale\": 1.0, \"mode\": \"fan_in\","
                + " \"distribution\": \"normal\"}"), OWNER);
        assertEquals(Distribution.TRUNCATED_NORMAL, ((VarianceScaling) v).distribution());
    }

    @Test
    void invalidAndUnsupportedConfigsAreNamed() {
        assertEquals("initializer VarianceScaling of " + OWNER + " has mode=\"fan_sum\" in its config. VarianceScaling mode must be "
                        + "one of fan_in, fan_out, fan_avg, got 'fan_sum'.",
                failure("VarianceScaling", "{\"seed\": null, \"scale\": 1.0, \"mode\": \"fan_sum\", \"distribution\": \"uniform\"}"));
        assertEquals("initializer VarianceScaling of " + OWNER + " has an invalid config: VarianceScaling scale must be a finite "
                        + "number > 0, got -2.0. Use 1.0 (Glorot, LeCun) or 2.0 (He).",
                failure("VarianceScaling", "{\"seed\": null, \"scale\": -2.0, \"mode\": \"fan_in\", \"distribution\": \"uniform\"}"));
        assertEquals("initializer RandomNormal of " + OWNER + " has an invalid config: RandomNormal stddev must be a finite number "
                + ">= 0, got -1.0. Use a small positive value such as the default.",
                failure("RandomNormal", "{\"seed\": null, \"mean\": 0.0, \"stddev\": -1.0}"));
        assertEquals("initializer Constant of " + OWNER + " has value=[1,2] in its config; expected a number.",
                failure("Constant", "{\"value\": [1, 2]}"));
        assertEquals("initializer HeUniform of " + OWNER + " has seed={\"class_name\":\"SeedGenerator\"} in its config; expected an "
                + "integer or null.", failure("HeUniform", "{\"seed\": {\"class_name\": \"SeedGenerator\"}}"));
        String orthogonal = failure("Orthogonal", "{\"gain\": 1.0, \"seed\": null}");
        assertTrue(orthogonal.startsWith(OWNER + " uses the initializer Orthogonal, which keras4j does not support; keras4j supports "
                + "GlorotUniform, GlorotNormal, HeUniform, HeNormal, LecunUniform, LecunNormal, VarianceScaling, RandomNormal, "
                + "RandomUniform, TruncatedNormal, Zeros, Ones, Constant"), orthogonal);
    }

    private static String failure(String className, String config) {
        return assertThrows(IllegalArgumentException.class, () -> InitializerConfigs.read(keras(className, config), OWNER)).getMessage();
    }
}
