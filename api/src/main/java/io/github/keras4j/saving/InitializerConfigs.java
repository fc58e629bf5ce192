package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.keras4j.initializers.Constant;
import io.github.keras4j.initializers.GlorotNormal;
import io.github.keras4j.initializers.GlorotUniform;
import io.github.keras4j.initializers.HeNormal;
import io.github.keras4j.initializers.HeUniform;
import io.github.keras4j.initializers.Initializer;
import io.github.keras4j.initializers.Initializers;
import io.github.keras4j.initializers.LecunNormal;
import io.github.keras4j.initializers.LecunUniform;
import io.github.keras4j.initializers.Ones;
import io.github.keras4j.initializers.RandomNormal;
import io.github.keras4j.initializers.RandomUniform;
import io.github.keras4j.initializers.TruncatedNormal;
import io.github.keras4j.initializers.VarianceScaling;
import io.github.keras4j.initializers.Zeros;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * Initializers in Keras configs ({@code {"module": "keras.initializers", "class_name": "GlorotUniform",
 * "config": {"seed": null}}}) and as identifiers ({@code "glorot_uniform"}). One table entry per Keras
 * class: add a line to {@link #TABLE} to support a new initializer.
 *
 * <p>Configs are written as Keras 3.6 writes them: {@code seed} first (null when unseeded), then the
 * class's own options ({@code mean}/{@code stddev}, {@code minval}/{@code maxval}, {@code scale}/{@code
 * mode}/{@code distribution}, {@code value}); the Glorot, He and LeCun classes write only the seed, and
 * Zeros and Ones an empty config. Keras 3.15 added {@code input_axes} and {@code output_axes} to the
 * variance-scaling family: null (Keras' default) is read, any other value fails naming the option.
 */
final class InitializerConfigs {
    static final String MODULE = "keras.initializers";

    /** How one Keras initializer class maps to a keras4j class, in both directions. */
    record Entry<T extends Initializer>(String className, Class<T> type, Function<ConfigReader, T> reader,
                                        BiConsumer<T, ObjectNode> writer) {
        ObjectNode write(Initializer initializer) {
            ObjectNode config = KerasJson.object();
            writer.accept(type.cast(initializer), config);
            return KerasJson.serialized(MODULE, className, config);
        }
    }

    /** The table: Keras class name, keras4j class, how to read and write its config. */
    static final List<Entry<?>> TABLE = List.of(
            fixedScaling("GlorotUniform", GlorotUniform.class, GlorotUniform::new, GlorotUniform::new),
            fixedScaling("GlorotNormal", GlorotNormal.class, GlorotNormal::new, GlorotNormal::new),
            fixedScaling("HeUniform", HeUniform.class, HeUniform::new, HeUniform::new),
            fixedScaling("HeNormal", HeNormal.class, HeNormal::new, HeNormal::new),
            fixedScaling("LecunUniform", LecunUniform.class, LecunUniform::new, LecunUniform::new),
            fixedScaling("LecunNormal", LecunNormal.class, LecunNormal::new, LecunNormal::new),
            new Entry<>("VarianceScaling", VarianceScaling.class,
                    c -> {
                        Long seed = c.optionalLong("seed");
                        double scale = c.number("scale", VarianceScaling.DEFAULT_SCALE);
                        VarianceScaling.Mode mode = choice(c, "mode", VarianceScaling.DEFAULT_MODE.kerasName(), VarianceScaling.Mode::of);
                        VarianceScaling.Distribution distribution = choice(c, "distribution",
                                VarianceScaling.DEFAULT_DISTRIBUTION.kerasName(), VarianceScaling.Distribution::of);
                        readAxes(c);
                        return seed == null ? new VarianceScaling(scale, mode, distribution)
                                : new VarianceScaling(scale, mode, distribution, seed);
                    },
                    (init, config) -> {
                        putSeed(init, config);
                        config.put("scale", init.scale());
                        config.put("mode", init.mode().kerasName());
                        config.put("distribution", init.distribution().kerasName());
                    }),
            new Entry<>("RandomNormal", RandomNormal.class,
                    c -> {
                        Long seed = c.optionalLong("seed");
                        double mean = c.number("mean", RandomNormal.DEFAULT_MEAN);
                        double stddev = c.number("stddev", RandomNormal.DEFAULT_STDDEV);
                        return seed == null ? new RandomNormal(mean, stddev) : new RandomNormal(mean, stddev, seed);
                    },
                    (init, config) -> {
                        putSeed(init, config);
                        config.put("mean", init.mean());
                        config.put("stddev", init.stddev());
                    }),
            new Entry<>("RandomUniform", RandomUniform.class,
                    c -> {
                        Long seed = c.optionalLong("seed");
                        double minval = c.number("minval", RandomUniform.DEFAULT_MINVAL);
                        double maxval = c.number("maxval", RandomUniform.DEFAULT_MAXVAL);
                        return seed == null ? new RandomUniform(minval, maxval) : new RandomUniform(minval, maxval, seed);
                    },
                    (init, config) -> {
                        putSeed(init, config);
                        config.put("minval", init.minval());
                        config.put("maxval", init.maxval());
                    }),
            new Entry<>("TruncatedNormal", TruncatedNormal.class,
                    c -> {
                        Long seed = c.optionalLong("seed");
                        double mean = c.number("mean", TruncatedNormal.DEFAULT_MEAN);
                        double stddev = c.number("stddev", TruncatedNormal.DEFAULT_STDDEV);
                        return seed == null ? new TruncatedNormal(mean, stddev) : new TruncatedNormal(mean, stddev, seed);
                    },
                    (init, config) -> {
                        putSeed(init, config);
                        config.put("mean", init.mean());
                        config.put("stddev", init.stddev());
                    }),
            plain("Zeros", Zeros.class, Zeros::new),
            plain("Ones", Ones.class, Ones::new),
            new Entry<>("Constant", Constant.class,
                    c -> new Constant(c.number("value", Constant.DEFAULT_VALUE)),
                    (init, config) -> config.put("value", init.value())));

    private InitializerConfigs() {
    }

    /** A variance-scaling initializer with fixed settings (Glorot, He, LeCun): Keras writes only its {@code seed}. */
    static <T extends Initializer> Entry<T> fixedScaling(String className, Class<T> type, Supplier<T> unseeded,
                                                         LongFunction<T> seeded) {
        return new Entry<>(className, type,
                c -> {
                    Long seed = c.optionalLong("seed");
                    readAxes(c);
                    return seed == null ? unseeded.get() : seeded.apply(seed);
                },
                InitializerConfigs::putSeed);
    }

    /** Keras' {@code seed}: the integer, or null for an unseeded initializer. */
    private static void putSeed(Initializer init, ObjectNode config) {
        if (init.seed() == null) {
            config.putNull("seed");
        } else {
            config.put("seed", init.seed());
        }
    }

    /** Keras 3.15's {@code input_axes} / {@code output_axes}: keras4j computes fans as Keras does by default (null). */
    private static void readAxes(ConfigReader c) {
        c.expect("input_axes");
        c.expect("output_axes");
    }

    /** A string option parsed by {@code parse}; a value it rejects fails naming the owner and the option. */
    private static <T> T choice(ConfigReader c, String key, String fallback, Function<String, T> parse) {
        String value = c.string(key, fallback);
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(c.owner() + " has " + key + "=\"" + value + "\" in its config. " + e.getMessage());
        }
    }

    /** An initializer without options ({@code Zeros}, {@code Ones}): Keras writes an empty config. */
    static <T extends Initializer> Entry<T> plain(String className, Class<T> type, Supplier<T> factory) {
        return new Entry<>(className, type, c -> factory.get(), (init, config) -> { });
    }

    static ObjectNode write(Initializer initializer, String owner) {
        for (Entry<?> e : TABLE) {
            if (e.type() == initializer.getClass()) {
                return e.write(initializer);
            }
        }
        throw new IllegalArgumentException(owner + " uses the initializer '" + initializer.name()
                + "', which keras4j cannot save yet; add it to InitializerConfigs.TABLE");
    }

    /** The initializer of a config value: a serialized object or an identifier. */
    static Initializer read(JsonNode value, String owner) {
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(owner + " has no initializer where Keras always writes one");
        }
        if (value.isTextual()) {
            try {
                return Initializers.get(value.asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(owner + " uses the initializer '" + value.asText()
                        + "', which keras4j does not support. " + e.getMessage());
            }
        }
        String className = KerasJson.className(value, "an initializer of " + owner);
        for (Entry<?> e : TABLE) {
            if (e.className().equals(className)) {
                ConfigReader c = new ConfigReader(value.get("config"), "initializer " + className + " of " + owner);
                // tf.keras 2.2-2.3 write the dtype of the values an initializer makes; keras4j's follow the layer's.
                c.expect("dtype", "float32", "float64");
                Initializer init = c.create(e.reader());
                c.finish();
                return init;
            }
        }
        List<String> known = new ArrayList<>();
        TABLE.forEach(e -> known.add(e.className()));
        throw new IllegalArgumentException(owner + " uses the initializer " + className
                + ", which keras4j does not support; keras4j supports " + String.join(", ", known));
    }
}
