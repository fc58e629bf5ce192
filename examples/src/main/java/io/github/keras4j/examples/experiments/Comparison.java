package io.github.keras4j.examples.experiments;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What to compare: a title ({@code "Sigmoid vs ReLU"}), the base configuration, the variants and, where the
 * lesson reports one, the value it got for a variant (its test accuracy, e.g. {@code 0.919}), shown beside
 * ours in the table.
 */
public record Comparison(String title, RunConfig base, List<Variant> variants, Map<String, Double> references) {
    public Comparison {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a Comparison needs a non-blank title, got " + (title == null ? "null" : "'" + title + "'"));
        }
        if (base == null) {
            throw new IllegalArgumentException("Comparison '" + title + "': base configuration is null");
        }
        if (variants == null || variants.isEmpty()) {
            throw new IllegalArgumentException("Comparison '" + title + "' has no variants; give at least one, e.g. "
                    + "Variant.of(\"base\") to run the base configuration alone");
        }
        variants = List.copyOf(variants);
        Set<String> labels = new HashSet<>();
        for (Variant v : variants) {
            if (!labels.add(v.label())) {
                throw new IllegalArgumentException("Comparison '" + title + "' has two variants labelled '" + v.label()
                        + "'; labels name the rows of the table, make them unique");
            }
            v.applyTo(base); // fail now, not after an hour of training, when a variant names an unknown setting
        }
        references = Collections.unmodifiableMap(new LinkedHashMap<>(references == null ? Map.of() : references));
        for (String label : references.keySet()) {
            if (!labels.contains(label)) {
                throw new IllegalArgumentException("Comparison '" + title + "': reference value given for '" + label
                        + "', which is not a variant; variants: " + String.join(", ", variantLabels(variants)));
            }
        }
    }

    /** A comparison without reference values. */
    public Comparison(String title, RunConfig base, List<Variant> variants) {
        this(title, base, variants, Map.of());
    }

    /** A copy with the lesson's value for {@code variantLabel} (e.g. the test accuracy it reports). */
    public Comparison withReference(String variantLabel, double value) {
        Map<String, Double> m = new LinkedHashMap<>(references);
        m.put(variantLabel, value);
        return new Comparison(title, base, variants, m);
    }

    /** A copy without the lesson's values: for data the lesson did not report on (Fashion-MNIST for an MNIST lesson). */
    public Comparison withoutReferences() {
        return new Comparison(title, base, variants, Map.of());
    }

    /** The lesson's value for a variant, or null when it reports none. */
    public Double reference(String variantLabel) {
        return references.get(variantLabel);
    }

    /** The title as a file name: lower case, runs of other characters turned into one dash ({@code sigmoid-vs-relu}). */
    public String slug() {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "comparison" : s;
    }

    private static List<String> variantLabels(List<Variant> variants) {
        return variants.stream().map(Variant::label).toList();
    }
}
