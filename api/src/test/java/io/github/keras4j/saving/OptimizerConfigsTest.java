package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.keras4j.optimizers.Adagrad;
import io.github.keras4j.optimizers.Adam;
import io.github.keras4j.optimizers.Optimizer;
import io.github.keras4j.optimizers.RMSprop;
import io.github.keras4j.optimizers.SGD;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every keras4j optimizer's config is written as Keras 3 writes it (but for the learning rate's spelling, see
 * {@link OptimizerConfigs}) and read back equal; the configs and identifiers Keras writes are read.
 */
class OptimizerConfigsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Keras 3.6's optimizer envelope: name, learning rate, the generic options at their defaults, then the class's own. */
    static String keras(String className, String name, String learningRate, String options) {
        return "{\"module\": \"keras.optimizers\", \"class_name\": \"" + className + "\", \"config\": {\"name\": \"" + name
                + "\", \"learning_rate\": " + learningRate + ", \"weight_decay\": null, \"clipnorm\": null, \"global_clipnorm\": null,"
                + " \"clipvalue\": null, \"use_ema\": false, \"ema_momentum\": 0.99, \"ema_overwrite_frequency\": null,"
                + " \"loss_scale_factor\": null, \"gradient_accumulation_steps\": null, " + options + "}, \"registered_name\": null}";
    }

    static Stream<Arguments> optimizers() {
        return Stream.of(
                Arguments.of(new RMSprop(), keras("RMSprop", "rmsprop", "0.001",
                        "\"rho\": 0.9, \"momentum\": 0.0, \"epsilon\": 1e-07, \"centered\": false")),
                Arguments.of(new RMSprop(0.01, 0.8, 0.5, 1e-6, true), keras("RMSprop", "rmsprop", "0.01",
                        "\"rho\": 0.8, \"momentum\": 0.5, \"epsilon\": 1e-06, \"centered\": true")),
                Arguments.of(new Adagrad(), keras("Adagrad", "adagrad", "0.001",
                        "\"initial_accumulator_value\": 0.1, \"epsilon\": 1e-07")),
                Arguments.of(new Adagrad(0.5, 0.0, 1e-5), keras("Adagrad", "adagrad", "0.5",
                        "\"initial_accumulator_value\": 0.0, \"epsilon\": 1e-05")),
                Arguments.of(new Adam(), keras("Adam", "adam", "0.001",
                        "\"beta_1\": 0.9, \"beta_2\": 0.999, \"epsilon\": 1e-07, \"amsgrad\": false")),
                Arguments.of(new SGD(0.1, 0.9, true), keras("SGD", "SGD", "0.1", "\"momentum\": 0.9, \"nesterov\": true")));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("optimizers")
    void writtenAsKerasWritesItAndReadBackEqual(Optimizer optimizer, String kerasJson) throws Exception {
        JsonNode written = OptimizerConfigs.write(optimizer);
        Optimizer read = OptimizerConfigs.read(written);

        assertEquals(MAPPER.readTree(kerasJson).toString(), written.toString());
        assertEquals(optimizer.getClass(), read.getClass());
        assertEquals(optimizer.learningRate(), read.learningRate(), "the learning rate, exactly");
        assertEquals(optimizer.slotNames(), read.slotNames());
        assertEquals(written.toString(), OptimizerConfigs.write(read).toString(), "configuration after the round trip");
    }

    @Test
    void kerasRmspropConfigIsRead() throws Exception {
        RMSprop rms = assertInstanceOf(RMSprop.class, OptimizerConfigs.read(MAPPER.readTree(keras("RMSprop", "rmsprop",
                "0.009999999776482582", "\"rho\": 0.8, \"momentum\": 0.5, \"epsilon\": 1e-07, \"centered\": true"))));
        assertEquals(0.009999999776482582, rms.learningRate(), "Keras' float32 rate, widened");
        assertEquals(0.8, rms.rho());
        assertEquals(0.5, rms.momentum());
        assertEquals(1e-7, rms.epsilon());
        assertTrue(rms.centered());
        assertEquals(java.util.List.of("velocity", "momentum", "average_gradient"), rms.slotNames());
    }

    @Test
    void kerasAdagradConfigIsRead() throws Exception {
        Adagrad adagrad = assertInstanceOf(Adagrad.class, OptimizerConfigs.read(MAPPER.readTree(keras("Adagrad", "adagrad",
                "0.0010000000474974513", "\"initial_accumulator_value\": 0.25, \"epsilon\": 1e-07"))));
        assertEquals(0.0010000000474974513, adagrad.learningRate());
        assertEquals(0.25, adagrad.initialAccumulatorValue());
        assertEquals(1e-7, adagrad.epsilon());
    }

    @Test
    void kerasIdentifiersGiveKerasDefaults() {
        RMSprop rms = assertInstanceOf(RMSprop.class, OptimizerConfigs.read(MAPPER.getNodeFactory().textNode("rmsprop")));
        assertEquals(RMSprop.DEFAULT_LEARNING_RATE, rms.learningRate());
        assertEquals(RMSprop.DEFAULT_RHO, rms.rho());
        assertFalse(rms.centered());
        Adagrad adagrad = assertInstanceOf(Adagrad.class, OptimizerConfigs.read(MAPPER.getNodeFactory().textNode("adagrad")));
        assertEquals(Adagrad.DEFAULT_INITIAL_ACCUMULATOR_VALUE, adagrad.initialAccumulatorValue());
    }

    /**
     * The decision {@link OptimizerConfigs} documents: the config holds the exact double, which rounds to the float32 Keras
     * keeps. Keras' own spelling (the float32 widened) would read back as another double and change Adam's steps.
     */
    @Test
    void learningRateIsWrittenAsTheExactDoubleThatRoundsToKerasFloat32() {
        JsonNode written = OptimizerConfigs.write(new Adam(0.001));
        assertEquals("0.001", written.get("config").get("learning_rate").toString());
        double kerasSpelling = (float) 0.001;
        assertEquals(0.0010000000474974513, kerasSpelling);
        assertEquals((float) kerasSpelling, (float) written.get("config").get("learning_rate").asDouble(), "the same float32");
        assertNotEquals(kerasSpelling, OptimizerConfigs.read(written).learningRate(), "read back unchanged, not widened");
    }

    @Test
    void unsupportedOptionsAndInvalidValuesAreNamed() {
        assertEquals("optimizer RMSprop uses clipnorm=1.0, which keras4j does not support.", failure(keras("RMSprop", "rmsprop", "0.001",
                "\"rho\": 0.9, \"momentum\": 0.0, \"epsilon\": 1e-07, \"centered\": false, \"clipnorm\": 1.0")));
        assertEquals("optimizer Adagrad uses weight_decay=0.004, which keras4j does not support.", failure(keras("Adagrad", "adagrad",
                "0.001", "\"initial_accumulator_value\": 0.1, \"epsilon\": 1e-07, \"weight_decay\": 0.004")));
        assertEquals("optimizer RMSprop has an invalid config: RMSprop rho must be in [0, 1), got 1.0. Keras' default is 0.9.",
                failure(keras("RMSprop", "rmsprop", "0.001", "\"rho\": 1.0, \"momentum\": 0.0, \"epsilon\": 1e-07, \"centered\": false")));
        assertEquals("optimizer Adagrad has an invalid config: Adagrad initialAccumulatorValue must be a finite number >= 0, got -1.0."
                        + " Keras' default is 0.1.",
                failure(keras("Adagrad", "adagrad", "0.001", "\"initial_accumulator_value\": -1.0, \"epsilon\": 1e-07")));
        assertEquals("optimizer RMSprop has centered=1 in its config; expected true or false.",
                failure(keras("RMSprop", "rmsprop", "0.001", "\"rho\": 0.9, \"momentum\": 0.0, \"epsilon\": 1e-07, \"centered\": 1")));
        assertEquals("the model was compiled with the optimizer Nadam, which keras4j does not support; keras4j supports SGD, Adam, "
                + "RMSprop, Adagrad", failure(keras("Nadam", "nadam", "0.001", "\"beta_1\": 0.9")));
    }

    private static String failure(String json) {
        return assertThrows(IllegalArgumentException.class, () -> OptimizerConfigs.read(MAPPER.readTree(json))).getMessage();
    }
}
