package io.github.keras4j.examples.experiments;

import java.util.Locale;

/**
 * The mean and the sample standard deviation (divisor {@code n - 1}, as numpy's {@code std(ddof=1)}) of a few
 * values, typically one per seed. The deviation of a single value is 0 and is not printed.
 */
public record MeanStd(double mean, double std, int count) {
    /** The statistics of {@code values}, skipping NaN; count 0 (mean and std NaN) when nothing is left. */
    public static MeanStd of(double... values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        if (n == 0) {
            return new MeanStd(Double.NaN, Double.NaN, 0);
        }
        double mean = sum / n;
        double squares = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        return new MeanStd(mean, n > 1 ? Math.sqrt(squares / (n - 1)) : 0, n);
    }

    /** {@code 0.9200 ± 0.0200} with {@code decimals} places; just the mean for one value; {@code -} for none. */
    public String format(int decimals) {
        if (count == 0) {
            return "-";
        }
        String f = "%." + decimals + "f";
        String m = String.format(Locale.ROOT, f, mean);
        return count == 1 ? m : m + " ± " + String.format(Locale.ROOT, f, std);
    }
}
