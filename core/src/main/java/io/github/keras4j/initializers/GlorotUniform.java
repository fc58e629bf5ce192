package io.github.keras4j.initializers;

import java.util.SplittableRandom;

/** Uniform in {@code [-limit, limit]} with {@code limit = sqrt(6 / (fanIn + fanOut))}: Dense's default kernel initializer. */
public final class GlorotUniform extends Initializer {
    public GlorotUniform() {
    }

    public GlorotUniform(long seed) {
        super(seed);
    }

    @Override
    public String name() {
        return "glorot_uniform";
    }

    @Override
    protected void fill(double[] values, Fans fans, SplittableRandom rng) {
        double limit = Math.sqrt(6 / (fans.fanIn() + fans.fanOut()));
        for (int i = 0; i < values.length; i++) {
            values[i] = (2 * rng.nextDouble() - 1) * limit;
        }
    }
}
