package io.github.keras4j.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Keras string identifiers ({@code "relu"}, {@code "adam"}, {@code "mse"}) for one kind of object.
 * Unknown identifiers fail with a message listing the known ones and, on a near miss, the nearest.
 */
public final class Registry<T> {
    private final String kind;
    private final Map<String, Supplier<? extends T>> entries = new LinkedHashMap<>();

    /** @param kind what the identifiers name, for messages: "activation", "loss", ... */
    public Registry(String kind) {
        this.kind = kind;
    }

    /** Registers {@code factory} under {@code id} and any aliases. */
    public Registry<T> register(Supplier<? extends T> factory, String id, String... aliases) {
        entries.put(id, factory);
        for (String alias : aliases) {
            entries.put(alias, factory);
        }
        return this;
    }

    /** A new object for {@code id}; case-insensitive, as Keras is for most identifiers. */
    public T get(String id) {
        if (id == null) {
            throw new IllegalArgumentException("the " + kind + " identifier is null; known " + plural() + ": " + known());
        }
        Supplier<? extends T> f = entries.get(id);
        if (f == null) {
            f = entries.get(id.trim().toLowerCase(Locale.ROOT));
        }
        if (f == null) {
            String nearest = nearest(id.trim().toLowerCase(Locale.ROOT));
            throw new IllegalArgumentException("Unknown " + kind + " '" + id + "'."
                    + (nearest != null ? " Did you mean '" + nearest + "'?" : "")
                    + " Known " + plural() + ": " + known() + ".");
        }
        return f.get();
    }

    public boolean contains(String id) {
        return id != null && (entries.containsKey(id) || entries.containsKey(id.trim().toLowerCase(Locale.ROOT)));
    }

    /** The identifiers, sorted. */
    public List<String> ids() {
        return Collections.unmodifiableList(new ArrayList<>(new TreeSet<>(entries.keySet())));
    }

    /** "activations", "losses": the kinds are regular English nouns. */
    private String plural() {
        return kind.endsWith("s") ? kind + "es" : kind + "s";
    }

    private String known() {
        return String.join(", ", ids());
    }

    private String nearest(String id) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : new TreeSet<>(entries.keySet())) {
            int d = editDistance(id, candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        // A near miss: a typo or two, not a different word.
        return best != null && bestDistance <= Math.max(2, best.length() / 4) ? best : null;
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
