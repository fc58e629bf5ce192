package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.keras4j.initializers.GlorotUniform;
import io.github.keras4j.initializers.Initializer;
import io.github.keras4j.initializers.Initializers;
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
            seeded("GlorotUniform", GlorotUniform.class, GlorotUniform::new, GlorotUniform::new),
            plain("Zeros", Zeros.class, Zeros::new));

    private InitializerConfigs() {
    }

    /** An initializer whose only option is Keras' {@code seed}. */
    static <T extends Initializer> Entry<T> seeded(String className, Class<T> type, Supplier<T> unseeded, LongFunction<T> seeded) {
        return new Entry<>(className, type,
                c -> {
                    Long seed = c.optionalLong("seed");
                    return seed == null ? unseeded.get() : seeded.apply(seed);
                },
                (init, config) -> {
                    if (init.seed() == null) {
                        config.putNull("seed");
                    } else {
                        config.put("seed", init.seed());
                    }
                });
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
                Initializer init = e.reader().apply(c);
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
