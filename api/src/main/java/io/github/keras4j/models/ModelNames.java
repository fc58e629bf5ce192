package io.github.keras4j.models;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names for models nobody named, numbered per JVM as Keras numbers them (its {@code backend.get_uid} and
 * {@code auto_name}): the first {@code new Sequential()} is {@code sequential}, the next {@code sequential_1},
 * then {@code sequential_2}, ...; {@link io.github.keras4j.utils.Utils#clearSession()} starts again, as Keras'
 * {@code clear_session()} does. Models with a name of their own (given, or read from a file) take no number.
 */
public final class ModelNames {
    private static final Map<String, AtomicInteger> USED = new ConcurrentHashMap<>();

    private ModelNames() {
    }

    /** The next name for {@code prefix}: the prefix itself the first time, then {@code prefix_1}, {@code prefix_2}, ... */
    public static String next(String prefix) {
        int uid = USED.computeIfAbsent(prefix, p -> new AtomicInteger()).incrementAndGet();
        return uid == 1 ? prefix : prefix + "_" + (uid - 1);
    }

    /** Forgets the names given so far. */
    public static void clear() {
        USED.clear();
    }
}
