package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.keras4j.optimizers.schedules.CosineDecay;
import io.github.keras4j.optimizers.schedules.ExponentialDecay;
import io.github.keras4j.optimizers.schedules.InverseTimeDecay;
import io.github.keras4j.optimizers.schedules.LearningRateSchedule;
import io.github.keras4j.optimizers.schedules.PiecewiseConstantDecay;
import io.github.keras4j.optimizers.schedules.PolynomialDecay;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Learning-rate schedules as an optimizer's {@code learning_rate} in a Keras config: Keras 3 and tf.keras
 * 2.13-2.15 {@code .keras} files write {@code {"module": "keras.optimizers.schedules", "class_name":
 * "ExponentialDecay", "config": {...}, "registered_name": null}}, legacy HDF5 files the same without
 * {@code module}. One table entry per Keras class, writing its config keys in Keras 3's order.
 *
 * <p>A schedule's {@code name} is read past and written as Keras' default name: it names a TensorFlow name scope
 * and changes no rate. Step counts ({@code decay_steps}, {@code boundaries}, {@code warmup_steps}) are written as
 * integers when they are whole numbers, as Keras users pass them.
 */
final class ScheduleConfigs {
    static final String MODULE = "keras.optimizers.schedules";

    record Entry<T extends LearningRateSchedule>(String className, Class<T> type, String kerasName,
                                                 Function<ConfigReader, T> reader, BiConsumer<T, ObjectNode> writer) {
    }

    static final List<Entry<?>> TABLE = List.of(
            new Entry<>("ExponentialDecay", ExponentialDecay.class, "ExponentialDecay",
                    c -> new ExponentialDecay(c.requireNumber("initial_learning_rate"), c.requireNumber("decay_steps"),
                            c.requireNumber("decay_rate"), c.bool("staircase", ExponentialDecay.DEFAULT_STAIRCASE)),
                    (s, c) -> {
                        c.put("initial_learning_rate", s.initialLearningRate());
                        putSteps(c, "decay_steps", s.decaySteps());
                        c.put("decay_rate", s.decayRate());
                        c.put("staircase", s.staircase());
                    }),
            new Entry<>("PiecewiseConstantDecay", PiecewiseConstantDecay.class, "PiecewiseConstant",
                    c -> new PiecewiseConstantDecay(boundaries(c), numbers(c, "values")),
                    (s, c) -> {
                        ArrayNode b = c.putArray("boundaries");
                        s.boundaries().forEach(b::add);
                        ArrayNode v = c.putArray("values");
                        s.values().forEach(v::add);
                    }),
            new Entry<>("PolynomialDecay", PolynomialDecay.class, "PolynomialDecay",
                    c -> new PolynomialDecay(c.requireNumber("initial_learning_rate"), c.requireNumber("decay_steps"),
                            c.number("end_learning_rate", PolynomialDecay.DEFAULT_END_LEARNING_RATE),
                            c.number("power", PolynomialDecay.DEFAULT_POWER), c.bool("cycle", PolynomialDecay.DEFAULT_CYCLE)),
                    (s, c) -> {
                        c.put("initial_learning_rate", s.initialLearningRate());
                        putSteps(c, "decay_steps", s.decaySteps());
                        c.put("end_learning_rate", s.endLearningRate());
                        c.put("power", s.power());
                        c.put("cycle", s.cycle());
                    }),
            new Entry<>("InverseTimeDecay", InverseTimeDecay.class, "InverseTimeDecay",
                    c -> new InverseTimeDecay(c.requireNumber("initial_learning_rate"), c.requireNumber("decay_steps"),
                            c.requireNumber("decay_rate"), c.bool("staircase", InverseTimeDecay.DEFAULT_STAIRCASE)),
                    (s, c) -> {
                        c.put("initial_learning_rate", s.initialLearningRate());
                        putSteps(c, "decay_steps", s.decaySteps());
                        c.put("decay_rate", s.decayRate());
                        c.put("staircase", s.staircase());
                    }),
            // Keras 3 writes name before the warmup keys; tf.keras before 2.13 has no warmup keys (read as none).
            new Entry<>("CosineDecay", CosineDecay.class, "CosineDecay",
                    c -> {
                        JsonNode target = c.raw("warmup_target");
                        if (target != null && !target.isNumber()) {
                            throw c.invalid("warmup_target", target, "a number or null");
                        }
                        return new CosineDecay(c.requireNumber("initial_learning_rate"), c.requireNumber("decay_steps"),
                                c.number("alpha", CosineDecay.DEFAULT_ALPHA), target == null ? null : target.asDouble(),
                                c.number("warmup_steps", CosineDecay.DEFAULT_WARMUP_STEPS));
                    },
                    (s, c) -> {
                        c.put("initial_learning_rate", s.initialLearningRate());
                        putSteps(c, "decay_steps", s.decaySteps());
                        c.put("alpha", s.alpha());
                        c.put("name", "CosineDecay");
                        if (s.warmupTarget() == null) {
                            c.putNull("warmup_target");
                        } else {
                            c.put("warmup_target", s.warmupTarget());
                        }
                        putSteps(c, "warmup_steps", s.warmupSteps());
                    }));

    private ScheduleConfigs() {
    }

    /** Keras' serialized form of {@code schedule}; a schedule of the user's own cannot be written. */
    static ObjectNode write(LearningRateSchedule schedule, String optimizer) {
        for (Entry<?> e : TABLE) {
            if (e.type() == schedule.getClass()) {
                ObjectNode config = KerasJson.object();
                write(e, schedule, config);
                if (!config.has("name")) {
                    config.put("name", e.kerasName());
                }
                return KerasJson.serialized(MODULE, e.className(), config);
            }
        }
        Class<?> type = schedule.getClass();
        String what = type.isSynthetic() || type.isAnonymousClass() ? "a lambda or anonymous class" : type.getName();
        throw new IllegalArgumentException("The optimizer '" + optimizer + "' takes its learning rate from a schedule of its own (" + what
                + "), which a Keras file cannot hold; Keras files hold " + known() + ". Use one of them, or save the weights only"
                + " with saveWeights.");
    }

    private static <T extends LearningRateSchedule> void write(Entry<T> e, LearningRateSchedule s, ObjectNode config) {
        e.writer().accept(e.type().cast(s), config);
    }

    /** The schedule of a serialized Keras schedule; {@code owner} names the optimizer in messages. */
    static LearningRateSchedule read(JsonNode value, String owner) {
        String className = KerasJson.className(value, owner + "'s learning-rate schedule");
        String bare = className.startsWith("Custom>") ? className.substring("Custom>".length()) : className;
        for (Entry<?> e : TABLE) {
            if (e.className().equals(bare)) {
                ConfigReader c = new ConfigReader(value.get("config"), owner + "'s learning-rate schedule " + bare);
                c.ignore("name");
                LearningRateSchedule s = c.create(e.reader());
                c.finish();
                return s;
            }
        }
        throw new IllegalArgumentException(owner + " uses the learning-rate schedule " + className
                + ", which keras4j does not support; keras4j supports " + known() + ". Save the model from Keras with one of them"
                + " or with a number as learning_rate, or load it without its compile settings (Models.load(path, false)).");
    }

    private static String known() {
        List<String> names = new ArrayList<>();
        TABLE.forEach(e -> names.add(e.className()));
        return String.join(", ", names);
    }

    private static void putSteps(ObjectNode c, String key, double steps) {
        if (steps == Math.rint(steps) && Math.abs(steps) < 1e15) {
            c.put(key, (long) steps);
        } else {
            c.put(key, steps);
        }
    }

    /** Keras casts the boundaries to the step's integer type, so 100.7 acts as 100: read them the same way. */
    private static List<Long> boundaries(ConfigReader c) {
        List<Long> out = new ArrayList<>();
        for (double b : numbers(c, "boundaries")) {
            out.add((long) b);
        }
        return out;
    }

    private static List<Double> numbers(ConfigReader c, String key) {
        JsonNode v = c.raw(key);
        if (v == null || !v.isArray()) {
            throw c.invalid(key, v == null ? KerasJson.MAPPER.nullNode() : v, "a list of numbers");
        }
        List<Double> out = new ArrayList<>();
        for (JsonNode n : v) {
            if (!n.isNumber()) {
                throw c.invalid(key, v, "a list of numbers");
            }
            out.add(n.asDouble());
        }
        return out;
    }
}
