package io.github.keras4j.examples.experiments;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One side of a comparison: a label ({@code "relu"}) and the settings it changes in the base configuration
 * ({@code activation=relu}). A variant may only override settings the base declares, so a misspelt name fails
 * instead of silently adding a setting no trainer reads.
 */
public record Variant(String label, Map<String, Object> overrides) {
    public Variant {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a Variant needs a non-blank label, got " + (label == null ? "null" : "'" + label + "'"));
        }
        if (overrides == null) {
            throw new IllegalArgumentException("Variant '" + label + "': overrides is null; pass an empty map to run the base as is");
        }
        overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }

    /** A variant from alternating keys and values: {@code Variant.of("relu", "activation", "relu")}. */
    public static Variant of(String label, Object... keysAndValues) {
        return new Variant(label, RunConfig.pairs("Variant '" + label + "'", keysAndValues));
    }

    /** The base configuration with this variant's overrides applied, named after the variant. */
    public RunConfig applyTo(RunConfig base) {
        RunConfig c = base.named(label);
        for (Map.Entry<String, Object> e : overrides.entrySet()) {
            if (!base.has(e.getKey())) {
                throw new IllegalArgumentException("Variant '" + label + "' overrides '" + e.getKey()
                        + "', which the base configuration does not have (its settings: "
                        + String.join(", ", base.settings().keySet()) + "). Add '" + e.getKey()
                        + "' to the base configuration or fix the name.");
            }
            c = c.with(e.getKey(), e.getValue());
        }
        return c;
    }

    /** The overrides as {@code key=value} pairs, or {@code "(base)"} when there are none. */
    public String describe() {
        if (overrides.isEmpty()) {
            return "(base)";
        }
        StringBuilder sb = new StringBuilder();
        overrides.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return sb.toString();
    }
}
