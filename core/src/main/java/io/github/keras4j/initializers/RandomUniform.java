package io.github.keras4j.initializers;

import java.util.SplittableRandom;

/**
 * Keras' {@code random_uniform}: independent uniform draws in {@code [minval, maxval)}.
 * Defaults: minval {@value #DEFAULT_MINVAL}, maxval {@value #DEFAULT_MAXVAL}.
 */
public final class RandomUniform extends Initializer {
    public static final double DEFAULT_MINVAL = -0.05;
    public static final double DEFAULT_MAXVAL = 0.05;

    private final double minval;
    private final double maxval;

    public RandomUniform() {
        this(DEFAULT_MINVAL, DEFAULT_MAXVAL);
    }

    public RandomUniform(double minval, double maxval) {
        this(minval, maxval, null);
    }

    /** Seeded: every array of a given shape gets the same values. */
    public RandomUniform(double minval, double maxval, long seed) {
        this(minval, maxval, Long.valueOf(seed));
    }

    private RandomUniform(double minval, double maxval, Long seed) {
        super(seed);
        this.minval = Sampling.finite("RandomUniform", "minval", minval);
        this.maxval = Sampling.finite("RandomUniform", "maxval", maxval);
        if (minval > maxval) {
            throw new IllegalArgumentException("RandomUniform needs minval <= maxval, got minval=" + minval + ", maxval=" + maxval
                    + ". Swap the two arguments.");
        }
    }

    public double minval() {
        return minval;
    }

    public double maxval() {
        return maxval;
    }

    @Override
    public String name() {
        return "random_uniform";
    }

    @Override
    protected void fill(double[] values, Fans fans, SplittableRandom rng) {
        for (int i = 0; i < values.length; i++) {
            values[i] = Sampling.uniform(rng, minval, maxval);
        }
    }

    @Override
    public String toString() {
        return "RandomUniform(minval=" + minval + ", maxval=" + maxval + (seed() != null ? ", seed=" + seed() : "") + ")";
    }
}
