package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.keras4j.optimizers.Adadelta;
import io.github.keras4j.optimizers.Adagrad;
import io.github.keras4j.optimizers.Adam;
import io.github.keras4j.optimizers.AdamW;
import io.github.keras4j.optimizers.Adamax;
import io.github.keras4j.optimizers.Nadam;
import io.github.keras4j.optimizers.Optimizer;
import io.github.keras4j.optimizers.Optimizers;
import io.github.keras4j.optimizers.RMSprop;
import io.github.keras4j.optimizers.SGD;
import io.github.keras4j.optimizers.schedules.InverseTimeDecay;
import io.github.keras4j.optimizers.schedules.LearningRateSchedule;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Optimizers in a Keras {@code compile_config}: an identifier ({@code "adam"}, Keras' defaults) or a
 * serialized optimizer ({@code {"class_name": "Adam", "config": {"learning_rate": 0.001, ...}}}; tf.keras
 * 2.11-2.15 HDF5 files name the class {@code "Custom>Adam"}; tf.keras 2.0-2.10's {@code decay} becomes the
 * {@code InverseTimeDecay} it computes). One table entry per Keras class, giving its options
 * and the order of its slots in the weights file: add a line to {@link #TABLE} to support a new optimizer.
 *
 * <p>Configs hold Keras 3's keys in Keras' order: {@code name} (Keras' default name, e.g. {@code "rmsprop"}),
 * {@code learning_rate} (a number or a schedule, {@link ScheduleConfigs}), the options every optimizer has
 * ({@code weight_decay}, {@code clipnorm}, {@code global_clipnorm}, {@code clipvalue}, then the EMA, loss scaling
 * and gradient accumulation options at their defaults), then the class's own options. Exponential moving averages
 * of the weights ({@code use_ema}), loss scaling and gradient accumulation have no keras4j counterpart: a file
 * using them fails to load, naming the option and what to do.
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
    /** The package tf.keras 2.11-2.15 registers its optimizers under, as in {@code "Custom>Adam"}. */
    static final String CUSTOM_PREFIX = "Custom>";

    /**
     * How one Keras optimizer class maps to a keras4j class: the reader makes it from its own options (the base
     * options and the learning rate are read around it), the writer puts its own options, and the layout gives
     * the order of its slots in the weights file, in Keras 3 and in tf.keras 2.11-2.15.
     */
    record Entry<T extends Optimizer>(String className, Class<T> type, Function<T, SlotLayout> layout,
                                      Function<T, SlotLayout> tfKerasLayout,
                                      Function<ConfigReader, T> reader, BiConsumer<T, ObjectNode> writer) {
        Entry(String className, Class<T> type, Function<T, SlotLayout> layout, Function<ConfigReader, T> reader,
              BiConsumer<T, ObjectNode> writer) {
            this(className, type, layout, layout, reader, writer);
        }
    }

    /** The table: Keras class name, keras4j class, slot order, how to read and write its options. */
    static final List<Entry<?>> TABLE = List.of(
            // tf.keras 2.11-2.15's SGD.build creates a momentum per variable even with momentum 0; Keras 3 only when > 0.
            new Entry<>("SGD", SGD.class, o -> SlotLayout.bySlot(o.slotNames().size()),
                    o -> o.momentum() == 0 ? SlotLayout.of(new int[] {SlotLayout.IGNORED}) : SlotLayout.bySlot(1),
                    c -> new SGD(learningRate(c, SGD.DEFAULT_LEARNING_RATE), c.number("momentum", SGD.DEFAULT_MOMENTUM),
                            c.bool("nesterov", SGD.DEFAULT_NESTEROV)),
                    (o, c) -> {
                        c.put("momentum", o.momentum());
                        c.put("nesterov", o.nesterov());
                    }),
            // Adam.build: momentum and velocity per variable, interleaved; AMSGrad's velocity_hats after all of them.
            new Entry<>("Adam", Adam.class, OptimizerConfigs::adamLayout, OptimizerConfigs::readAdam, OptimizerConfigs::writeAdam),
            new Entry<>("AdamW", AdamW.class, OptimizerConfigs::adamLayout,
                    c -> new AdamW(learningRate(c, Adam.DEFAULT_LEARNING_RATE), AdamW.DEFAULT_WEIGHT_DECAY,
                            c.number("beta_1", Adam.DEFAULT_BETA_1), c.number("beta_2", Adam.DEFAULT_BETA_2),
                            c.number("epsilon", Adam.DEFAULT_EPSILON), c.bool("amsgrad", Adam.DEFAULT_AMSGRAD)),
                    OptimizerConfigs::writeAdam),
            // Keras' RMSprop.build creates all velocities, then all momentums (momentum > 0), then all average
            // gradients (centered): one kind of slot after the other.
            new Entry<>("RMSprop", RMSprop.class, o -> SlotLayout.bySlot(o.slotNames().size()),
                    c -> new RMSprop(learningRate(c, RMSprop.DEFAULT_LEARNING_RATE), c.number("rho", RMSprop.DEFAULT_RHO),
                            c.number("momentum", RMSprop.DEFAULT_MOMENTUM), c.number("epsilon", RMSprop.DEFAULT_EPSILON),
                            c.bool("centered", RMSprop.DEFAULT_CENTERED)),
                    (o, c) -> {
                        c.put("rho", o.rho());
                        c.put("momentum", o.momentum());
                        c.put("epsilon", o.epsilon());
                        c.put("centered", o.centered());
                    }),
            new Entry<>("Adagrad", Adagrad.class, o -> SlotLayout.bySlot(1),
                    c -> new Adagrad(learningRate(c, Adagrad.DEFAULT_LEARNING_RATE),
                            c.number("initial_accumulator_value", Adagrad.DEFAULT_INITIAL_ACCUMULATOR_VALUE),
                            c.number("epsilon", Adagrad.DEFAULT_EPSILON)),
                    (o, c) -> {
                        c.put("initial_accumulator_value", o.initialAccumulatorValue());
                        c.put("epsilon", o.epsilon());
                    }),
            // Nadam.build: momentum and velocity interleaved; its u_product is placed by OptimizerVariables.
            new Entry<>("Nadam", Nadam.class, o -> SlotLayout.interleaved(2),
                    c -> new Nadam(learningRate(c, Nadam.DEFAULT_LEARNING_RATE), c.number("beta_1", Nadam.DEFAULT_BETA_1),
                            c.number("beta_2", Nadam.DEFAULT_BETA_2), c.number("epsilon", Nadam.DEFAULT_EPSILON)),
                    (o, c) -> putBetas(c, o.beta1(), o.beta2(), o.epsilon())),
            // Adamax.build: momentum and norm interleaved.
            new Entry<>("Adamax", Adamax.class, o -> SlotLayout.interleaved(2),
                    c -> new Adamax(learningRate(c, Adamax.DEFAULT_LEARNING_RATE), c.number("beta_1", Adamax.DEFAULT_BETA_1),
                            c.number("beta_2", Adamax.DEFAULT_BETA_2), c.number("epsilon", Adamax.DEFAULT_EPSILON)),
                    (o, c) -> putBetas(c, o.beta1(), o.beta2(), o.epsilon())),
            // Adadelta.build: accumulated_grad and accumulated_delta_var interleaved.
            new Entry<>("Adadelta", Adadelta.class, o -> SlotLayout.interleaved(2),
                    c -> new Adadelta(learningRate(c, Adadelta.DEFAULT_LEARNING_RATE), c.number("rho", Adadelta.DEFAULT_RHO),
                            c.number("epsilon", Adadelta.DEFAULT_EPSILON)),
                    (o, c) -> {
                        c.put("rho", o.rho());
                        c.put("epsilon", o.epsilon());
                    }));

    private OptimizerConfigs() {
    }

    private static SlotLayout adamLayout(Adam o) {
        return o.amsgrad() ? SlotLayout.of(new int[] {0, 1}, new int[] {2}) : SlotLayout.interleaved(2);
    }

    private static Adam readAdam(ConfigReader c) {
        return new Adam(learningRate(c, Adam.DEFAULT_LEARNING_RATE), c.number("beta_1", Adam.DEFAULT_BETA_1),
                c.number("beta_2", Adam.DEFAULT_BETA_2), c.number("epsilon", Adam.DEFAULT_EPSILON),
                c.bool("amsgrad", Adam.DEFAULT_AMSGRAD));
    }

    private static void writeAdam(Adam o, ObjectNode c) {
        putBetas(c, o.beta1(), o.beta2(), o.epsilon());
        c.put("amsgrad", o.amsgrad());
    }

    private static void putBetas(ObjectNode c, double beta1, double beta2, double epsilon) {
        c.put("beta_1", beta1);
        c.put("beta_2", beta2);
        c.put("epsilon", epsilon);
    }

    static ObjectNode write(Optimizer optimizer) {
        Entry<?> e = entryFor(optimizer);
        if (e == null) {
            throw new IllegalArgumentException("the optimizer '" + optimizer.name() + "' (" + optimizer.getClass().getSimpleName()
                    + ") cannot be saved yet; add it to OptimizerConfigs.TABLE");
        }
        ObjectNode config = KerasJson.object();
        config.put("name", optimizer.name());
        LearningRateSchedule schedule = optimizer.learningRateSchedule();
        if (schedule != null) {
            config.set("learning_rate", ScheduleConfigs.write(schedule, optimizer.name()));
        } else {
            config.put("learning_rate", optimizer.learningRate()); // the exact double: see the class comment
        }
        putOrNull(config, "weight_decay", optimizer.weightDecay());
        putOrNull(config, "clipnorm", optimizer.clipnorm());
        putOrNull(config, "global_clipnorm", optimizer.globalClipnorm());
        putOrNull(config, "clipvalue", optimizer.clipvalue());
        config.put("use_ema", false);
        config.put("ema_momentum", 0.99);
        config.putNull("ema_overwrite_frequency");
        config.putNull("loss_scale_factor");
        config.putNull("gradient_accumulation_steps");
        write(e, optimizer, config);
        return KerasJson.serialized(MODULE, e.className(), config);
    }

    private static void putOrNull(ObjectNode config, String key, Double value) {
        if (value == null) {
            config.putNull(key);
        } else {
            config.put(key, value);
        }
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
        String bare = className.startsWith(CUSTOM_PREFIX) ? className.substring(CUSTOM_PREFIX.length()) : className;
        for (Entry<?> e : TABLE) {
            if (e.className().equalsIgnoreCase(bare)) {
                ConfigReader c = new ConfigReader(value.get("config"), "optimizer " + bare);
                LearningRateSchedule schedule = schedule(c);
                Optimizer o = c.create(e.reader());
                if (schedule != null) {
                    o.setLearningRate(schedule);
                }
                readBaseOptions(c, o);
                c.finish();
                return o;
            }
        }
        List<String> known = new ArrayList<>();
        TABLE.forEach(e -> known.add(e.className()));
        throw new IllegalArgumentException("the model was compiled with the optimizer " + className
                + ", which keras4j does not support; keras4j supports " + String.join(", ", known));
    }

    /** The order of the optimizer's slots in a Keras 3 weights file. */
    static SlotLayout layoutOf(Optimizer optimizer) {
        return layout(entryFor(optimizer), optimizer, false);
    }

    /** The order of the optimizer's slots in a tf.keras 2.11-2.15 weights file. */
    static SlotLayout tfKerasLayoutOf(Optimizer optimizer) {
        return layout(entryFor(optimizer), optimizer, true);
    }

    private static <T extends Optimizer> SlotLayout layout(Entry<T> e, Optimizer optimizer, boolean tfKeras) {
        if (e == null) {
            return SlotLayout.bySlot(optimizer.slotNames().size());
        }
        return (tfKeras ? e.tfKerasLayout() : e.layout()).apply(e.type().cast(optimizer));
    }

    private static Entry<?> entryFor(Optimizer optimizer) {
        for (Entry<?> e : TABLE) {
            if (e.type() == optimizer.getClass()) {
                return e;
            }
        }
        return null;
    }

    /** {@code learning_rate} (Keras 2 also wrote {@code lr}) as a number, or {@code fallback} when it is a schedule. */
    static double learningRate(ConfigReader c, double fallback) {
        JsonNode v = c.raw(learningRateKey(c));
        if (v != null && !v.isNumber() && !v.isObject()) {
            throw c.invalid(learningRateKey(c), v, "a number or a learning-rate schedule");
        }
        return v == null || v.isObject() ? fallback : v.asDouble();
    }

    /** The schedule of a {@code learning_rate} given as a serialized schedule, or null for a number. */
    private static LearningRateSchedule schedule(ConfigReader c) {
        JsonNode v = c.raw(learningRateKey(c));
        return v != null && v.isObject() ? ScheduleConfigs.read(v, c.owner()) : null;
    }

    private static String learningRateKey(ConfigReader c) {
        c.ignore("learning_rate", "lr");
        return c.has("learning_rate") || !c.has("lr") ? "learning_rate" : "lr";
    }

    /** Options every Keras optimizer has: clipping and weight decay are applied; the others keras4j supports only at their defaults. */
    private static void readBaseOptions(ConfigReader c, Optimizer o) {
        c.ignore("name", "is_legacy_optimizer", "jit_compile", "ema_momentum", "ema_overwrite_frequency");
        legacyDecay(c, o);
        Double weightDecay = optional(c, "weight_decay");
        Double clipnorm = optional(c, "clipnorm");
        Double globalClipnorm = optional(c, "global_clipnorm");
        Double clipvalue = optional(c, "clipvalue");
        c.create(reader -> {
            if (weightDecay != null || !(o instanceof AdamW)) {
                o.weightDecay(weightDecay); // AdamW keeps its 0.004 when an old file leaves weight_decay out
            }
            o.clipnorm(clipnorm).globalClipnorm(globalClipnorm).clipvalue(clipvalue);
            return o;
        });
        unsupported(c, "use_ema", "false", "an exponential moving average of the weights");
        unsupported(c, "loss_scale_factor", null, "loss scaling for mixed precision");
        unsupported(c, "gradient_accumulation_steps", null, "gradient accumulation");
    }

    /**
     * tf.keras 2.0-2.10's {@code decay} (OptimizerV2 {@code _decayed_lr}): {@code lr / (1 + decay * iterations)}, which
     * is {@code InverseTimeDecay(lr, 1, decay)}; Keras 3 ignores the key with a warning, keras4j keeps the rate the
     * model was trained with.
     */
    private static void legacyDecay(ConfigReader c, Optimizer o) {
        JsonNode v = c.raw("decay");
        if (v == null || (v.isNumber() && v.asDouble() == 0)) {
            return;
        }
        if (!v.isNumber()) {
            throw c.invalid("decay", v, "a number");
        }
        if (o.learningRateSchedule() != null) {
            throw new IllegalArgumentException(c.owner() + " uses decay=" + v + " on a learning-rate schedule, which keras4j does not"
                    + " support. Load it without its compile settings (Models.load(path, false)) and compile it in keras4j.");
        }
        c.create(reader -> {
            o.setLearningRate(new InverseTimeDecay(o.learningRate(), 1, v.asDouble()));
            return o;
        });
    }

    /**
     * A number option Keras turns off with None; Keras also skips a clipping option of 0 ({@code if self.clipnorm
     * and self.clipnorm > 0}), so 0 reads as off too.
     */
    private static Double optional(ConfigReader c, String key) {
        JsonNode v = c.raw(key);
        if (v == null) {
            return null;
        }
        if (!v.isNumber()) {
            throw c.invalid(key, v, "a number or null");
        }
        return v.asDouble() == 0 && !key.equals("weight_decay") ? null : v.asDouble();
    }

    private static void unsupported(ConfigReader c, String key, String neutral, String what) {
        JsonNode v = c.raw(key);
        if (v == null || (neutral != null && v.toString().equals(neutral))) {
            return;
        }
        throw new IllegalArgumentException(c.owner() + " uses " + key + "=" + ConfigReader.abbreviate(v) + " (" + what
                + "), which keras4j does not support. Load it without its compile settings (Models.load(path, false)) and compile it in keras4j,"
                + " or save it from Keras without " + key + ".");
    }
}
