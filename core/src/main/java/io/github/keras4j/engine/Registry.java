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
    /** At most this many equally near identifiers are suggested. */
    static final int MAX_SUGGESTIONS = 3;

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
            List<String> nearest = nearest(id.trim().toLowerCase(Locale.ROOT));
            throw new IllegalArgumentException("Unknown " + kind + " '" + id + "'."
                    + (nearest.isEmpty() ? "" : " Did you mean " + orList(nearest) + "?")
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

    /**
     * The known identifiers closest to {@code id}, when it is a near miss (a typo or two, not a different
     * word); several when they are equally close ({@code "mxe"}: {@code "mae"} and {@code "mse"}).
     */
    private List<String> nearest(String id) {
        List<String> best = new ArrayList<>();
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : ids()) { // sorted: an upper-case alias ('MSE') comes before its lower-case twin
            int d = editDistance(id, candidate.toLowerCase(Locale.ROOT));
            if (d > Math.max(2, candidate.length() / 4) || d > bestDistance) {
                continue;
            }
            if (d < bestDistance) {
                best.clear();
                bestDistance = d;
            }
            best.removeIf(b -> b.equalsIgnoreCase(candidate)); // 'mse' replaces 'MSE'
            best.add(candidate);
        }
        return best.size() > MAX_SUGGESTIONS ? best.subList(0, MAX_SUGGESTIONS) : best;
    }

    /** {@code 'a'}, {@code 'a' or 'b'}, {@code 'a', 'b' or 'c'}. */
    private static String orList(List<String> ids) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            sb.append(i == 0 ? "" : i == ids.size() - 1 ? " or " : ", ").append('\'').append(ids.get(i)).append('\'');
        }
        return sb.toString();
    }

    /**
     * The optimal string alignment distance: insertions, deletions, substitutions and swaps of two adjacent
     * characters each cost 1, so the common typo {@code "rleu"} is one step from {@code "relu"}.
     */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
