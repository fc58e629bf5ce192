package io.github.keras4j.initializers;

import java.util.SplittableRandom;

/**
 * Keras' {@code random_normal}: independent normal draws with the given mean and stddev.
 * Defaults: mean {@value #DEFAULT_MEAN}, stddev {@value #DEFAULT_STDDEV}.
 */
public final class RandomNormal extends Initializer {
    public static final double DEFAULT_MEAN = 0.0;
    public static final double DEFAULT_STDDEV = 0.05;

    private final double mean;
    private final double stddev;

    public RandomNormal() {
        this(DEFAULT_MEAN, DEFAULT_STDDEV);
    }

    public RandomNormal(double mean, double stddev) {
        this(mean, stddev, null);
    }

    /** Seeded: every array of a given shape gets the same values. */
    public RandomNormal(double mean, double stddev, long seed) {
        this(mean, stddev, Long.valueOf(seed));
    }

    private RandomNormal(double mean, double stddev, Long seed) {
        super(seed);
        this.mean = Sampling.finite("RandomNormal", "mean", mean);
        this.stddev = Sampling.nonNegative("RandomNormal", "stddev", stddev);
    }

    public double mean() {
        return mean;
    }

    public double stddev() {
        return stddev;
    }

    @Override
    public String name() {
        return "random_normal";
    }

    @Override
    protected void fill(double[] values, Fans fans, SplittableRandom rng) {
        for (int i = 0; i < values.length; i++) {
            values[i] = mean + stddev * rng.nextGaussian();
        }
    }

    @Override
    public String toString() {
        return "RandomNormal(mean=" + mean + ", stddev=" + stddev + (seed() != null ? ", seed=" + seed() : "") + ")";
    }
}
