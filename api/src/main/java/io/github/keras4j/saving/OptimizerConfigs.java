package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.keras4j.optimizers.Adagrad;
import io.github.keras4j.optimizers.Adam;
import io.github.keras4j.optimizers.Optimizer;
import io.github.keras4j.optimizers.Optimizers;
import io.github.keras4j.optimizers.RMSprop;
import io.github.keras4j.optimizers.SGD;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Optimizers in a Keras {@code compile_config}: an identifier ({@code "adam"}, Keras' defaults) or a
 * serialized optimizer ({@code {"class_name": "Adam", "config": {"learning_rate": 0.001, ...}}}). One table
 * entry per Keras class, giving its options and the order of its slots in the weights file: add a line to
 * {@link #TABLE} to support a new optimizer.
 *
 * <p>Configs hold Keras 3's keys in Keras' order: {@code name} (Keras' default name, e.g. {@code "rmsprop"}),
 * {@code learning_rate}, the generic options at their defaults, then the class's own options.
 * Keras' generic options (weight decay, gradient clipping, EMA, loss scaling, gradient accumulation,
 * learning-rate schedules) have no keras4j counterpart: a file using them fails to load, naming the option.
 *
 * <p><b>The learning rate.</b> Keras keeps it in a float32 variable and writes that value widened to a
 * double ({@code 0.001} appears as {@code 0.0010000000474974513}). keras4j writes the optimizer's exact
 * double ({@code 0.001}) instead, and the weights file holds the float32 variable as Keras' does. Both
 * spellings round to the same float32, so Keras reads the same rate; and keras4j, which reads the double
 * back unchanged, resumes training bit for bit (Adam folds the double rate into its bias correction before
 * rounding, so Keras' widened spelling would change the last bit of its steps). A file whose float32
 * variable disagrees with the config's rate (Keras changed it after compiling, e.g. by a callback) takes
 * the variable's value ({@link OptimizerVariables#restore}).
 */
final class OptimizerConfigs {
    static final String MODULE = "keras.optimizers";

    /** How one Keras optimizer class maps to a keras4j class; the reader reads the learning rate itself (class defaults differ). */
    record Entry<T extends Optimizer>(String className, Class<T> type, SlotLayout layout,
                                      Function<ConfigReader, T> reader, BiConsumer<T, ObjectNode> writer) {
    }

    /** The table: Keras class name, keras4j class, slot order, how to read and write its options. */
    static final List<Entry<?>> TABLE = List.of(
            new Entry<>("SGD", SGD.class, SlotLayout.BY_SLOT,
                    c -> new SGD(learningRate(c, SGD.DEFAULT_LEARNING_RATE), c.number("momentum", 0), c.bool("nesterov", false)),
                    (o, c) -> {
                        c.put("momentum", o.momentum());
                        c.put("nesterov", o.nesterov());
                    }),
            new Entry<>("Adam", Adam.class, SlotLayout.INTERLEAVED,
                    c -> {
                        c.expect("amsgrad", "false");
                        return new Adam(learningRate(c, Adam.DEFAULT_LEARNING_RATE), c.number("beta_1", Adam.DEFAULT_BETA_1),
                                c.number("beta_2", Adam.DEFAULT_BETA_2), c.number("epsilon", Adam.DEFAULT_EPSILON));
                    },
                    (o, c) -> {
                        c.put("beta_1", o.beta1());
                        c.put("beta_2", o.beta2());
                        c.put("epsilon", o.epsilon());
                        c.put("amsgrad", false);
                    }),
            // Keras' RMSprop.build creates all velocities, then all momentums (momentum > 0), then all average
            // gradients (centered): one kind of slot after the other.
            new Entry<>("RMSprop", RMSprop.class, SlotLayout.BY_SLOT,
                    c -> new RMSprop(learningRate(c, RMSprop.DEFAULT_LEARNING_RATE), c.number("rho", RMSprop.DEFAULT_RHO),
                            c.number("momentum", RMSprop.DEFAULT_MOMENTUM), c.number("epsilon", RMSprop.DEFAULT_EPSILON),
                            c.bool("centered", RMSprop.DEFAULT_CENTERED)),
                    (o, c) -> {
                        c.put("rho", o.rho());
                        c.put("momentum", o.momentum());
                        c.put("epsilon", o.epsilon());
                        c.put("centered", o.centered());
                    }),
            new Entry<>("Adagrad", Adagrad.class, SlotLayout.BY_SLOT,
                    c -> new Adagrad(learningRate(c, Adagrad.DEFAULT_LEARNING_RATE),
                            c.number("initial_accumulator_value", Adagrad.DEFAULT_INITIAL_ACCUMULATOR_VALUE),
                            c.number("epsilon", Adagrad.DEFAULT_EPSILON)),
                    (o, c) -> {
                        c.put("initial_accumulator_value", o.initialAccumulatorValue());
                        c.put("epsilon", o.epsilon());
                    }));

    private OptimizerConfigs() {
    }

    static ObjectNode write(Optimizer optimizer) {
        Entry<?> e = entryFor(optimizer);
        if (e == null) {
            throw new IllegalArgumentException("the optimizer '" + optimizer.name() + "' (" + optimizer.getClass().getSimpleName()
                    + ") cannot be saved yet; add it to OptimizerConfigs.TABLE");
        }
        ObjectNode config = KerasJson.object();
        config.put("name", optimizer.name());
        config.put("learning_rate", optimizer.learningRate()); // the exact double: see the class comment
        config.putNull("weight_decay");
        config.putNull("clipnorm");
        config.putNull("global_clipnorm");
        config.putNull("clipvalue");
        config.put("use_ema", false);
        config.put("ema_momentum", 0.99);
        config.putNull("ema_overwrite_frequency");
        config.putNull("loss_scale_factor");
        config.putNull("gradient_accumulation_steps");
        write(e, optimizer, config);
        return KerasJson.serialized(MODULE, e.className(), config);
    }

    private static <T extends Optimizer> void write(Entry<T> e, Optimizer optimizer, ObjectNode config) {
        e.writer().accept(e.type().cast(optimizer), config);
    }

    static Optimizer read(JsonNode value) {
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("the compile config has no optimizer");
        }
        if (value.isTextual()) {
            try {
                return Optimizers.get(value.asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the model was compiled with the optimizer '" + value.asText()
                        + "', which keras4j does not support. " + e.getMessage());
            }
        }
        String className = KerasJson.className(value, "the optimizer");
        for (Entry<?> e : TABLE) {
            if (e.className().equalsIgnoreCase(className)) {
                ConfigReader c = new ConfigReader(value.get("config"), "optimizer " + className);
                readGenericOptions(c);
                Optimizer o = c.create(e.reader());
                c.finish();
                return o;
            }
        }
        List<String> known = new ArrayList<>();
        TABLE.forEach(e -> known.add(e.className()));
        throw new IllegalArgumentException("the model was compiled with the optimizer " + className
                + ", which keras4j does not support; keras4j supports " + String.join(", ", known));
    }

    /** The order of the optimizer's slots in the weights file. */
    static SlotLayout layoutOf(Optimizer optimizer) {
        Entry<?> e = entryFor(optimizer);
        return e == null ? SlotLayout.BY_SLOT : e.layout();
    }

    private static Entry<?> entryFor(Optimizer optimizer) {
        for (Entry<?> e : TABLE) {
            if (e.type() == optimizer.getClass()) {
                return e;
            }
        }
        return null;
    }

    /** {@code learning_rate} (Keras 2 also wrote {@code lr}); a schedule object is not supported. */
    static double learningRate(ConfigReader c, double fallback) {
        String key = c.has("learning_rate") || !c.has("lr") ? "learning_rate" : "lr";
        c.ignore("learning_rate", "lr");
        JsonNode v = c.raw(key);
        if (v != null && !v.isNumber()) {
            throw new IllegalArgumentException(c.owner() + " uses the learning-rate schedule " + ConfigReader.abbreviate(v)
                    + ", which keras4j cannot load; keras4j optimizers take a number (change it during training with a callback)");
        }
        return v == null ? fallback : v.asDouble();
    }

    /** Options every Keras optimizer has; keras4j supports only their defaults. */
    private static void readGenericOptions(ConfigReader c) {
        c.ignore("name", "is_legacy_optimizer", "jit_compile", "ema_momentum", "ema_overwrite_frequency");
        c.expect("weight_decay", "0");
        c.expect("decay", "0");
        c.expect("clipnorm");
        c.expect("global_clipnorm");
        c.expect("clipvalue");
        c.expect("use_ema", "false");
        c.expect("loss_scale_factor");
        c.expect("gradient_accumulation_steps");
    }
}
