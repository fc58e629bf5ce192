package io.github.keras4j.initializers;

import java.util.SplittableRandom;

/**
 * Keras' {@code truncated_normal}: normal draws with the given mean and stddev, where any draw farther
 * than {@value #TRUNCATION_STDDEVS} stddevs from the mean is drawn again. The samples' own stddev is
 * therefore about {@value VarianceScaling#TRUNCATED_NORMAL_STDDEV_CORRECTION} times {@code stddev}.
 * Defaults: mean {@value #DEFAULT_MEAN}, stddev {@value #DEFAULT_STDDEV}.
 */
public final class TruncatedNormal extends Initializer {
    public static final double DEFAULT_MEAN = 0.0;
    public static final double DEFAULT_STDDEV = 0.05;
    /** Draws are kept within this many stddevs of the mean, as in Keras' {@code random.truncated_normal}. */
    public static final double TRUNCATION_STDDEVS = 2.0;

    private final double mean;
    private final double stddev;

    public TruncatedNormal() {
        this(DEFAULT_MEAN, DEFAULT_STDDEV);
    }

    public TruncatedNormal(double mean, double stddev) {
        this(mean, stddev, null);
    }

    /** Seeded: every array of a given shape gets the same values. */
    public TruncatedNormal(double mean, double stddev, long seed) {
        this(mean, stddev, Long.valueOf(seed));
    }

    private TruncatedNormal(double mean, double stddev, Long seed) {
        super(seed);
        this.mean = Sampling.finite("TruncatedNormal", "mean", mean);
        this.stddev = Sampling.nonNegative("TruncatedNormal", "stddev", stddev);
    }

    public double mean() {
        return mean;
    }

    /** The stddev of the normal before truncation (Keras' meaning). */
    public double stddev() {
        return stddev;
    }

    @Override
    public String name() {
        return "truncated_normal";
    }

    @Override
    protected void fill(double[] values, Fans fans, SplittableRandom rng) {
        for (int i = 0; i < values.length; i++) {
            values[i] = mean + stddev * Sampling.truncatedStandardNormal(rng);
        }
    }

    @Override
    public String toString() {
        return "TruncatedNormal(mean=" + mean + ", stddev=" + stddev + (seed() != null ? ", seed=" + seed() : "") + ")";
    }
}
