package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.keras4j.losses.BinaryCrossentropy;
import io.github.keras4j.losses.CategoricalCrossentropy;
import io.github.keras4j.losses.CategoricalHinge;
import io.github.keras4j.losses.Hinge;
import io.github.keras4j.losses.Loss;
import io.github.keras4j.losses.Losses;
import io.github.keras4j.losses.MeanAbsoluteError;
import io.github.keras4j.losses.MeanSquaredError;
import io.github.keras4j.losses.SparseCategoricalCrossentropy;
import io.github.keras4j.losses.SquaredHinge;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Losses in a Keras {@code compile_config}: an identifier ({@code "categorical_crossentropy"}) or a serialized
 * loss object ({@code {"class_name": "SparseCategoricalCrossentropy", "config": {"from_logits": true, ...}}}).
 * One table entry per Keras class: add a line to {@link #TABLE} to support a new loss. Losses without
 * options are written as their identifier ({@code "hinge"}, as Keras writes a loss compiled by name), losses
 * with options as objects with Keras 3's config keys and defaults ({@code name}, {@code reduction}, then the
 * class's own, e.g. {@code from_logits}, {@code label_smoothing} 0.0 and {@code axis} -1 for the
 * cross-entropies). Options keras4j does not compute (label smoothing, another axis, an ignored class)
 * fail to load, naming the option.
 */
final class LossConfigs {
    static final String MODULE = "keras.losses";
    /** Keras' reduction for every built-in loss: the mean over the batch, which is what keras4j computes. */
    static final String REDUCTION = "sum_over_batch_size";

    /** How one Keras loss class maps to a keras4j class; a null writer means "written as its identifier". */
    record Entry<T extends Loss>(String className, Class<T> type, Function<ConfigReader, T> reader,
                                 BiConsumer<T, ObjectNode> writer) {
        JsonNode write(Loss loss) {
            if (writer == null) {
                return TextNode.valueOf(loss.name());
            }
            ObjectNode config = KerasJson.object();
            config.put("name", loss.name());
            config.put("reduction", REDUCTION);
            writer.accept(type.cast(loss), config);
            return KerasJson.serialized(MODULE, className, config);
        }
    }

    /** The table: Keras class name, keras4j class, how to read and write its options. */
    static final List<Entry<?>> TABLE = List.of(
            new Entry<>("CategoricalCrossentropy", CategoricalCrossentropy.class,
                    c -> {
                        c.expect("label_smoothing", "0");
                        c.expect("axis", "-1");
                        return new CategoricalCrossentropy(c.bool("from_logits", false));
                    },
                    (loss, c) -> {
                        c.put("from_logits", loss.fromLogits());
                        c.put("label_smoothing", 0.0);
                        c.put("axis", -1);
                    }),
            new Entry<>("SparseCategoricalCrossentropy", SparseCategoricalCrossentropy.class,
                    c -> {
                        c.expect("ignore_class");
                        c.expect("axis", "-1");
                        return new SparseCategoricalCrossentropy(c.bool("from_logits", false));
                    },
                    (loss, c) -> {
                        c.put("from_logits", loss.fromLogits());
                        c.putNull("ignore_class");
                    }),
            new Entry<>("BinaryCrossentropy", BinaryCrossentropy.class,
                    c -> {
                        c.expect("label_smoothing", "0");
                        c.expect("axis", "-1");
                        return new BinaryCrossentropy(c.bool("from_logits", false));
                    },
                    (loss, c) -> {
                        c.put("from_logits", loss.fromLogits());
                        c.put("label_smoothing", 0.0);
                        c.put("axis", -1);
                    }),
            plain("MeanSquaredError", MeanSquaredError.class, MeanSquaredError::new),
            plain("MeanAbsoluteError", MeanAbsoluteError.class, MeanAbsoluteError::new),
            plain("Hinge", Hinge.class, Hinge::new),
            plain("SquaredHinge", SquaredHinge.class, SquaredHinge::new),
            plain("CategoricalHinge", CategoricalHinge.class, CategoricalHinge::new));

    private LossConfigs() {
    }

    /** A loss without options, written as its identifier. */
    static <T extends Loss> Entry<T> plain(String className, Class<T> type, Supplier<T> factory) {
        return new Entry<>(className, type, c -> factory.get(), null);
    }

    static JsonNode write(Loss loss) {
        for (Entry<?> e : TABLE) {
            if (e.type() == loss.getClass()) {
                return e.write(loss);
            }
        }
        throw new IllegalArgumentException("the loss '" + loss.name() + "' (" + loss.getClass().getSimpleName()
                + ") cannot be saved yet; add it to LossConfigs.TABLE");
    }

    /**
     * The loss of a {@code compile_config}, in every form Keras writes one: an identifier or a class name
     * ({@code "mse"}, {@code "CategoricalCrossentropy"}: Keras' {@code losses.get} takes both), a function
     * envelope ({@code {"class_name": "function", "config": "mse"}}), a loss object, with tf.keras 2.13-2.15's
     * {@code "fn"} key naming the function the class wraps, or any of these in a one-item list (one output's loss).
     */
    static Loss read(JsonNode value) {
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("the compile config has no loss");
        }
        if (value.isArray() && value.size() == 1) {
            value = value.get(0); // compile(loss=["mse"]): the loss of the one output
        }
        String function = KerasJson.functionName(value);
        if (function != null) {
            value = TextNode.valueOf(function);
        }
        if (value.isTextual()) {
            return readIdentifier(value.asText());
        }
        if (value.isArray() || (value.isObject() && !value.has("class_name"))) {
            throw new IllegalArgumentException("the model was compiled with several losses " + ConfigReader.abbreviate(value)
                    + "; keras4j models have one output and one loss");
        }
        String className = KerasJson.className(value, "the loss");
        ConfigReader c = new ConfigReader(value.get("config"), "loss " + className);
        c.ignore("name");
        c.expect("reduction", REDUCTION, "auto");
        c.expect("dtype", "float32");
        // tf.keras 2.13-2.15 name the function a built-in loss class wraps: the class's own, in snake case.
        c.expect("fn", KerasJson.snakeCase(className));
        Entry<?> entry = entry(className);
        Loss loss;
        if (entry != null) {
            loss = c.create(entry.reader());
        } else {
            // A loss without options that the core registry knows under Keras' snake-case name.
            String id = KerasJson.snakeCase(className);
            if (!Losses.ids().contains(id)) {
                throw new IllegalArgumentException("the model was compiled with the loss " + className
                        + ", which keras4j does not support; keras4j supports " + String.join(", ", classNames())
                        + " and the identifiers " + String.join(", ", Losses.ids()));
            }
            loss = Losses.get(id);
        }
        c.finish();
        return loss;
    }

    /** An identifier, or a class name with its defaults, as Keras' {@code losses.get("SparseCategoricalCrossentropy")}. */
    private static Loss readIdentifier(String id) {
        Entry<?> entry = entry(id);
        if (entry != null) {
            ConfigReader defaults = new ConfigReader(KerasJson.object(), "loss " + id);
            return defaults.create(entry.reader());
        }
        try {
            return Losses.get(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the model was compiled with the loss '" + id
                    + "', which keras4j does not support. " + e.getMessage());
        }
    }

    private static Entry<?> entry(String className) {
        for (Entry<?> e : TABLE) {
            if (e.className().equals(className)) {
                return e;
            }
        }
        return null;
    }

    private static List<String> classNames() {
        List<String> known = new ArrayList<>();
        TABLE.forEach(e -> known.add(e.className()));
        return known;
    }
}
