package io.github.keras4j.initializers;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Keras' {@code constant}: every value equal to {@code value} (default {@value #DEFAULT_VALUE}). */
public final class Constant extends Initializer {
    public static final double DEFAULT_VALUE = 0.0;

    private final double value;

    public Constant() {
        this(DEFAULT_VALUE);
    }

    public Constant(double value) {
        this.value = Sampling.finite("Constant", "value", value);
    }

    public double value() {
        return value;
    }

    @Override
    public String name() {
        return "constant";
    }

    @Override
    protected boolean isRandom() {
        return false;
    }

    @Override
    protected void fill(double[] values, Fans fans, SplittableRandom rng) {
        Arrays.fill(values, value);
    }

    @Override
    public String toString() {
        return "Constant(value=" + value + ")";
    }
}
