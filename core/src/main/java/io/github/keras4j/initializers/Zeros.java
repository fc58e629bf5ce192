package io.github.keras4j.initializers;

import java.util.SplittableRandom;

/** All zeros: Dense's default bias initializer. */
public final class Zeros extends Initializer {
    @Override
    public String name() {
        return "zeros";
    }

    @Override
    protected void fill(double[] values, Fans fans, SplittableRandom rng) {
        // new arrays are already zero
    }
}
