package io.github.keras4j.examples.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How much each memory figure grew over the samples taken after warm-up: {@code growth} is the last sample
 * over the first, minus one; {@code maxGrowth} the largest sample over the first, minus one. A judged figure
 * passes when its growth is at most the allowed fraction, or at most {@value #NOISE_BYTES} bytes (a figure of
 * a few kilobytes may double without meaning anything): a leak keeps growing to the end of the run, while a
 * figure that rises and falls ends near where it started.
 */
public final class MemoryGrowth {
    /** Growth of at most this many bytes counts as none: {@value} (1 MiB). */
    public static final long NOISE_BYTES = 1L << 20;

    private MemoryGrowth() {
    }

    /** The growth of one figure, as fractions: 0.05 is 5%. */
    public record Growth(String figure, boolean judged, long first, long last, long max, double growth, double maxGrowth) {
        /** True if the figure is not judged, or grew by at most {@code allowed} (or by no more than {@link #NOISE_BYTES}). */
        public boolean within(double allowed) {
            return !judged || growth <= allowed || last - first <= NOISE_BYTES;
        }
    }

    /** The growth of every figure over {@code samples} (the ones after warm-up, in order; at least one). */
    public static List<Growth> of(List<MemorySample> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("growth needs at least one sample after warm-up, got none:"
                    + " run longer than the warm-up, or sample more often");
        }
        List<Growth> result = new ArrayList<>();
        for (MemorySample.Figure f : MemorySample.FIGURES) {
            long first = f.value().applyAsLong(samples.get(0));
            long last = f.value().applyAsLong(samples.get(samples.size() - 1));
            long max = samples.stream().mapToLong(f.value()).max().orElseThrow();
            result.add(new Growth(f.title(), f.judged(), first, last, max, ratio(last, first), ratio(max, first)));
        }
        return result;
    }

    /**
     * The growth of a figure measured twice, at the start and at the end of the judged span (the live heap, which
     * only a full collection measures, is not sampled periodically: the collection would change the other figures).
     */
    public static Growth between(String figure, long first, long last) {
        return new Growth(figure, true, first, last, Math.max(first, last), ratio(last, first), ratio(Math.max(first, last), first));
    }

    /** {@code value / base - 1}; 0 when the figure is missing ({@code base <= 0}: not measured here). */
    static double ratio(long value, long base) {
        return base <= 0 ? 0 : (double) value / base - 1;
    }

    /** The samples as a Markdown table, in MiB. */
    public static String table(List<MemorySample> samples) {
        StringBuilder sb = new StringBuilder("| sample |");
        MemorySample.FIGURES.forEach(f -> sb.append(' ').append(f.title()).append(" (MiB) |"));
        sb.append("\n|---|");
        MemorySample.FIGURES.forEach(f -> sb.append("---:|"));
        sb.append('\n');
        for (MemorySample s : samples) {
            sb.append("| ").append(s.label()).append(" |");
            MemorySample.FIGURES.forEach(f -> sb.append(' ').append(mib(f.value().applyAsLong(s))).append(" |"));
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The growth of each figure as a Markdown table, with the verdict against {@code allowed}. */
    public static String growthTable(List<Growth> growths, double allowed) {
        StringBuilder sb = new StringBuilder("| figure | first (MiB) | last (MiB) | max (MiB) | growth | max growth | within "
                + percent(allowed) + " |\n|---|---:|---:|---:|---:|---:|---|\n");
        for (Growth g : growths) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", g.figure(), mib(g.first()), mib(g.last()),
                    mib(g.max()), percent(g.growth()), percent(g.maxGrowth()), !g.judged() ? "(shown)" : g.within(allowed) ? "yes" : "NO"));
        }
        return sb.toString();
    }

    static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%+.1f%%", 100 * fraction);
    }
}
