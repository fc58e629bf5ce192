package io.github.keras4j.examples.experiments;

import java.io.Serializable;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The settings of one training run: a name (the variant's label, or {@code "base"}) and an ordered map of
 * settings such as {@code epochs=10, batch_size=32, optimizer=adam}. Immutable: {@link #with} returns a copy.
 * Values are strings, numbers, booleans or enum constants, so a configuration prints, compares and writes to
 * a CSV cell without surprises.
 */
public record RunConfig(String name, Map<String, Object> settings) implements Serializable {
    /** The setting that, when present, tells the runner how many epochs a run should have. */
    public static final String EPOCHS = "epochs";

    public RunConfig {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a RunConfig needs a non-blank name, got " + quote(name));
        }
        if (settings == null) {
            throw new IllegalArgumentException("RunConfig '" + name + "': settings is null; pass an empty map for none");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        settings.forEach((k, v) -> copy.put(checkKey(name, k), checkValue(name, k, v)));
        settings = Collections.unmodifiableMap(copy);
    }

    /** A configuration from alternating keys and values: {@code RunConfig.of("base", "epochs", 10, "optimizer", "adam")}. */
    public static RunConfig of(String name, Object... keysAndValues) {
        return new RunConfig(name, pairs("RunConfig '" + name + "'", keysAndValues));
    }

    /** A copy with {@code key} set to {@code value}: replaced in place if present, else appended. */
    public RunConfig with(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(settings);
        m.put(key, value);
        return new RunConfig(name, m);
    }

    /** A copy under another name, with the same settings. */
    public RunConfig named(String newName) {
        return new RunConfig(newName, settings);
    }

    /** True when the configuration has a setting named {@code key}. */
    public boolean has(String key) {
        return settings.containsKey(key);
    }

    /** The raw value of a setting; fails naming the known settings when it is missing. */
    public Object get(String key) {
        Object v = settings.get(key);
        if (v == null) {
            throw new IllegalArgumentException("RunConfig '" + name + "' has no setting '" + key + "'; its settings are "
                    + String.join(", ", settings.keySet()) + ". Add '" + key + "' to the base configuration.");
        }
        return v;
    }

    /** A setting as text ({@code String.valueOf} of the value). */
    public String string(String key) {
        return String.valueOf(get(key));
    }

    /** A whole-number setting. */
    public int integer(String key) {
        Object v = get(key);
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return Math.toIntExact(((Number) v).longValue());
        }
        throw wrongType(key, v, "a whole number (Integer or Long)");
    }

    /** A numeric setting as a double. */
    public double number(String key) {
        Object v = get(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw wrongType(key, v, "a number");
    }

    /** A boolean setting. */
    public boolean flag(String key) {
        Object v = get(key);
        if (v instanceof Boolean b) {
            return b;
        }
        throw wrongType(key, v, "a boolean");
    }

    /** The settings as {@code key=value} pairs, in order: {@code epochs=10, optimizer=adam}. */
    public String describe() {
        StringJoiner j = new StringJoiner(", ");
        settings.forEach((k, v) -> j.add(k + "=" + v));
        return j.toString();
    }

    @Override
    public String toString() {
        return name + " {" + describe() + "}";
    }

    /** Alternating keys and values into an ordered map; {@code who} names the caller in errors. */
    static Map<String, Object> pairs(String who, Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException(who + ": expected alternating keys and values (an even count), got "
                    + keysAndValues.length + " arguments; the last key has no value");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (!(keysAndValues[i] instanceof String key)) {
                throw new IllegalArgumentException(who + ": argument " + i + " should be a setting name (a String), got "
                        + keysAndValues[i]);
            }
            m.put(key, keysAndValues[i + 1]);
        }
        return m;
    }

    private IllegalArgumentException wrongType(String key, Object v, String expected) {
        return new IllegalArgumentException("RunConfig '" + name + "': setting '" + key + "' should be " + expected
                + ", got " + v + " (" + v.getClass().getSimpleName() + "). Fix its value in the base configuration or the variant.");
    }

    private static String checkKey(String name, String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("RunConfig '" + name + "': a setting name is blank or null; name every setting");
        }
        return key;
    }

    private static Object checkValue(String name, String key, Object v) {
        if (v instanceof String || v instanceof Boolean || v instanceof Enum<?> || v instanceof Integer
                || v instanceof Long || v instanceof Double || v instanceof Float || v instanceof Short || v instanceof Byte) {
            return v;
        }
        throw new IllegalArgumentException("RunConfig '" + name + "': setting '" + key + "' should be a String, number, boolean "
                + "or enum constant, got " + (v == null ? "null" : v + " (" + v.getClass().getName() + ")")
                + ". Store a printable description of it instead, e.g. its Keras identifier.");
    }

    private static String quote(String s) {
        return s == null ? "null" : "'" + s + "'";
    }
}
