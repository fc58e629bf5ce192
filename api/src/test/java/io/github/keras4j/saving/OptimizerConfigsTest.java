package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.keras4j.optimizers.Adadelta;
import io.github.keras4j.optimizers.Adagrad;
import io.github.keras4j.optimizers.Adam;
import io.github.keras4j.optimizers.AdamW;
import io.github.keras4j.optimizers.Adamax;
import io.github.keras4j.optimizers.Nadam;
import io.github.keras4j.optimizers.Optimizer;
import io.github.keras4j.optimizers.RMSprop;
import io.github.keras4j.optimizers.SGD;
import io.github.keras4j.optimizers.schedules.CosineDecay;
import io.github.keras4j.optimizers.schedules.ExponentialDecay;
import io.github.keras4j.optimizers.schedules.InverseTimeDecay;
import io.github.keras4j.optimizers.schedules.PiecewiseConstantDecay;
import io.github.keras4j.optimizers.schedules.PolynomialDecay;
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
        return keras(className, name, learningRate, "null", "null", "null", "null", options);
    }

    /** As {@link #keras(String, String, String, String)} with weight_decay, clipnorm, global_clipnorm and clipvalue given. */
    static String keras(String className, String name, String learningRate, String weightDecay, String clipnorm, String globalClipnorm,
                        String clipvalue, String options) {
        return "{\"module\": \"keras.optimizers\", \"class_name\": \"" + className + "\", \"config\": {\"name\": \"" + name
                + "\", \"learning_rate\": " + learningRate + ", \"weight_decay\": " + weightDecay + ", \"clipnorm\": " + clipnorm
                + ", \"global_clipnorm\": " + globalClipnorm + ", \"clipvalue\": " + clipvalue + ", \"use_ema\": false,"
                + " \"ema_momentum\": 0.99, \"ema_overwrite_frequency\": null, \"loss_scale_factor\": null,"
                + " \"gradient_accumulation_steps\": null, " + options + "}, \"registered_name\": null}";
    }

    /** Keras 3's serialized learning-rate schedule. */
    static String schedule(String className, String config) {
        return "{\"module\": \"keras.optimizers.schedules\", \"class_name\": \"" + className + "\", \"config\": {" + config
                + "}, \"registered_name\": null}";
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
                Arguments.of(new SGD(0.1, 0.9, true), keras("SGD", "SGD", "0.1", "\"momentum\": 0.9, \"nesterov\": true")),
                Arguments.of(new Adam(0.002, 0.8, 0.99, 1e-6, true), keras("Adam", "adam", "0.002",
                        "\"beta_1\": 0.8, \"beta_2\": 0.99, \"epsilon\": 1e-06, \"amsgrad\": true")),
                Arguments.of(new AdamW(), keras("AdamW", "adamw", "0.001", "0.004", "null", "null", "null",
                        "\"beta_1\": 0.9, \"beta_2\": 0.999, \"epsilon\": 1e-07, \"amsgrad\": false")),
                Arguments.of(new Nadam(), keras("Nadam", "nadam", "0.001", "\"beta_1\": 0.9, \"beta_2\": 0.999, \"epsilon\": 1e-07")),
                Arguments.of(new Adamax(0.002, 0.8, 0.9, 1e-5), keras("Adamax", "adamax", "0.002",
                        "\"beta_1\": 0.8, \"beta_2\": 0.9, \"epsilon\": 1e-05")),
                Arguments.of(new Adadelta(1.0), keras("Adadelta", "adadelta", "1.0", "\"rho\": 0.95, \"epsilon\": 1e-07")),
                // Keras' base options on any optimizer.
                Arguments.of(new SGD(0.1).weightDecay(0.01).clipnorm(1.0), keras("SGD", "SGD", "0.1", "0.01", "1.0", "null", "null",
                        "\"momentum\": 0.0, \"nesterov\": false")),
                Arguments.of(new RMSprop().globalClipnorm(5.0), keras("RMSprop", "rmsprop", "0.001", "null", "null", "5.0", "null",
                        "\"rho\": 0.9, \"momentum\": 0.0, \"epsilon\": 1e-07, \"centered\": false")),
                Arguments.of(new Adagrad().clipvalue(0.5), keras("Adagrad", "adagrad", "0.001", "null", "null", "null", "0.5",
                        "\"initial_accumulator_value\": 0.1, \"epsilon\": 1e-07")),
                // A learning-rate schedule in place of the number, one per schedule class, in Keras 3's key order.
                Arguments.of(new SGD(new ExponentialDecay(0.1, 1000, 0.96, true)), keras("SGD", "SGD", schedule("ExponentialDecay",
                        "\"initial_learning_rate\": 0.1, \"decay_steps\": 1000, \"decay_rate\": 0.96, \"staircase\": true,"
                                + " \"name\": \"ExponentialDecay\""), "\"momentum\": 0.0, \"nesterov\": false")),
                Arguments.of(new Adam(new PiecewiseConstantDecay(new long[] {100, 200}, new double[] {0.01, 0.005, 0.001})),
                        keras("Adam", "adam", schedule("PiecewiseConstantDecay", "\"boundaries\": [100, 200], \"values\": [0.01, 0.005, 0.001],"
                                + " \"name\": \"PiecewiseConstant\""), "\"beta_1\": 0.9, \"beta_2\": 0.999, \"epsilon\": 1e-07, \"amsgrad\": false")),
                Arguments.of(new RMSprop(new PolynomialDecay(0.1, 10000, 0.01, 0.5, true)), keras("RMSprop", "rmsprop", schedule("PolynomialDecay",
                        "\"initial_learning_rate\": 0.1, \"decay_steps\": 10000, \"end_learning_rate\": 0.01, \"power\": 0.5,"
                                + " \"cycle\": true, \"name\": \"PolynomialDecay\""),
                        "\"rho\": 0.9, \"momentum\": 0.0, \"epsilon\": 1e-07, \"centered\": false")),
                Arguments.of(new Adagrad(new InverseTimeDecay(0.1, 1.5, 0.5)), keras("Adagrad", "adagrad", schedule("InverseTimeDecay",
                        "\"initial_learning_rate\": 0.1, \"decay_steps\": 1.5, \"decay_rate\": 0.5, \"staircase\": false,"
                                + " \"name\": \"InverseTimeDecay\""), "\"initial_accumulator_value\": 0.1, \"epsilon\": 1e-07")),
                Arguments.of(new AdamW(new CosineDecay(0.0, 1000).withWarmup(0.1, 100)), keras("AdamW", "adamw", schedule("CosineDecay",
                        "\"initial_learning_rate\": 0.0, \"decay_steps\": 1000, \"alpha\": 0.0, \"name\": \"CosineDecay\","
                                + " \"warmup_target\": 0.1, \"warmup_steps\": 100"), "0.004", "null", "null", "null",
                        "\"beta_1\": 0.9, \"beta_2\": 0.999, \"epsilon\": 1e-07, \"amsgrad\": false")),
                Arguments.of(new Nadam(new CosineDecay(0.01, 500, 0.1)), keras("Nadam", "nadam", schedule("CosineDecay",
                        "\"initial_learning_rate\": 0.01, \"decay_steps\": 500, \"alpha\": 0.1, \"name\": \"CosineDecay\","
                                + " \"warmup_target\": null, \"warmup_steps\": 0"), "\"beta_1\": 0.9, \"beta_2\": 0.999, \"epsilon\": 1e-07")));
    }

    @ParameterizedTest(name = "{index}: {1}")
    @MethodSource("optimizers")
    void writtenAsKerasWritesItAndReadBackEqual(Optimizer optimizer, String kerasJson) throws Exception {
        JsonNode written = OptimizerConfigs.write(optimizer);
        Optimizer read = OptimizerConfigs.read(written);

        assertEquals(MAPPER.readTree(kerasJson).toString(), written.toString());
        assertEquals(optimizer.getClass(), read.getClass());
        assertEquals(optimizer.learningRate(), read.learningRate(), "the learning rate, exactly");
        assertEquals(optimizer.learningRateSchedule(), read.learningRateSchedule(), "the schedule, equal as a value");
        assertEquals(optimizer.weightDecay(), read.weightDecay());
        assertEquals(optimizer.clipnorm(), read.clipnorm());
        assertEquals(optimizer.globalClipnorm(), read.globalClipnorm());
        assertEquals(optimizer.clipvalue(), read.clipvalue());
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

    /** tf.keras 2.0-2.10 (OptimizerV2._decayed_lr): lr_t = lr / (1 + decay * iterations), Keras' InverseTimeDecay(lr, 1, decay). */
    @Test
    void legacyDecayBecomesTheInverseTimeDecayItComputes() throws Exception {
        SGD sgd = assertInstanceOf(SGD.class, OptimizerConfigs.read(MAPPER.readTree("{\"class_name\": \"SGD\", \"config\": {\"name\": \"SGD\","
                + " \"learning_rate\": 0.1, \"decay\": 0.01, \"momentum\": 0.9, \"nesterov\": false}}")));
        assertEquals(new InverseTimeDecay(0.1, 1, 0.01), sgd.learningRateSchedule());
        assertEquals(0.1, sgd.learningRate());
        sgd.setIterations(100);
        assertEquals(0.1 / (1 + 0.01 * 100), sgd.learningRate(), 1e-15);
        assertEquals(0.9, sgd.momentum());
        assertEquals("optimizer Adam uses decay=0.01 on a learning-rate schedule, which keras4j does not support. Load it without its"
                + " compile settings (Models.load(path, false)) and compile it in keras4j.", failure("{\"class_name\": \"Adam\", \"config\":"
                + " {\"learning_rate\": " + schedule("ExponentialDecay", "\"initial_learning_rate\": 0.1, \"decay_steps\": 10, \"decay_rate\": 0.5")
                + ", \"decay\": 0.01}}"));
    }

    @Test
    void unsupportedOptionsAndInvalidValuesAreNamed() {
        assertEquals("optimizer RMSprop uses gradient_accumulation_steps=4 (gradient accumulation), which keras4j does not support. Load it"
                + " without its compile settings (Models.load(path, false)) and compile it in keras4j, or save it from Keras without"
                + " gradient_accumulation_steps.",
                failure(keras("RMSprop", "rmsprop", "0.001", "\"rho\": 0.9, \"momentum\": 0.0, \"epsilon\": 1e-07, \"centered\": false,"
                        + " \"gradient_accumulation_steps\": 4")));
        assertEquals("optimizer Adagrad uses loss_scale_factor=128.0 (loss scaling for mixed precision), which keras4j does not support."
                + " Load it without its compile settings (Models.load(path, false)) and compile it in keras4j, or save it from Keras without loss_scale_factor.",
                failure(keras("Adagrad", "adagrad", "0.001", "\"initial_accumulator_value\": 0.1, \"epsilon\": 1e-07, \"loss_scale_factor\": 128.0")));
        assertEquals("optimizer RMSprop has an invalid config: RMSprop rho must be in [0, 1), got 1.0. Keras' default is 0.9.",
                failure(keras("RMSprop", "rmsprop", "0.001", "\"rho\": 1.0, \"momentum\": 0.0, \"epsilon\": 1e-07, \"centered\": false")));
        assertEquals("optimizer Adagrad has an invalid config: Adagrad initialAccumulatorValue must be a finite number >= 0, got -1.0."
                        + " Keras' default is 0.1.",
                failure(keras("Adagrad", "adagrad", "0.001", "\"initial_accumulator_value\": -1.0, \"epsilon\": 1e-07")));
        assertEquals("optimizer RMSprop has centered=1 in its config; expected true or false.",
                failure(keras("RMSprop", "rmsprop", "0.001", "\"rho\": 0.9, \"momentum\": 0.0, \"epsilon\": 1e-07, \"centered\": 1")));
        assertEquals("optimizer Adam has an invalid config: Adam clipnorm must be a finite number > 0, or null for no clipping, got -1.0.",
                failure(keras("Adam", "adam", "0.001", "\"beta_1\": 0.9, \"clipnorm\": -1.0")));
        assertEquals("optimizer Adam has clipvalue=\"big\" in its config; expected a number or null.",
                failure(keras("Adam", "adam", "0.001", "\"clipvalue\": \"big\"")));
        assertEquals("the model was compiled with the optimizer Ftrl, which keras4j does not support; keras4j supports SGD, Adam, AdamW, "
                + "RMSprop, Adagrad, Nadam, Adamax, Adadelta", failure(keras("Ftrl", "ftrl", "0.001", "\"beta\": 0.0")));
    }

    private static String failure(String json) {
        return assertThrows(IllegalArgumentException.class, () -> OptimizerConfigs.read(MAPPER.readTree(json))).getMessage();
    }
}
