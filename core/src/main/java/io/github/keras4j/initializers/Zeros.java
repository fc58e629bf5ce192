package io.github.keras4j.initializers;

import java.util.SplittableRandom;

/** Keras' {@code zeros}: every value 0; Dense's default bias initializer. */
public final class Zeros extends Initializer {
    @Override
    public String name() {
        return "zeros";
    }

    @Override
    protected boolean isRandom() {
        return false;
    }

    @Override
    protected void fill(double[] values, Fans fans, SplittableRandom rng) {
        // new arrays are already zero
    }
}
