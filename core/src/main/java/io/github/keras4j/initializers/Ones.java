package io.github.keras4j.initializers;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Keras' {@code ones}: every value 1. */
public final class Ones extends Initializer {
    @Override
    public String name() {
        return "ones";
    }

    @Override
    protected boolean isRandom() {
        return false;
    }

    @Override
    protected void fill(double[] values, Fans fans, SplittableRandom rng) {
        Arrays.fill(values, 1.0);
    }
}
