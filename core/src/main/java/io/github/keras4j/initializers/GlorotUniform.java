package io.github.keras4j.initializers;

/**
 * Uniform in {@code [-limit, limit)} with {@code limit = sqrt(6 / (fanIn + fanOut))}: Dense's default kernel initializer.
 *
 * <p>Keras' {@code glorot_uniform}: {@link VarianceScaling} with scale {@value #SCALE}, mode {@code fan_avg},
 * distribution {@code uniform}.
 */
public final class GlorotUniform extends VarianceScaling {
    public static final double SCALE = 1.0;

    public GlorotUniform() {
        super(SCALE, Mode.FAN_AVG, Distribution.UNIFORM, null);
    }

    /** Seeded: every array of a given shape gets the same values. */
    public GlorotUniform(long seed) {
        super(SCALE, Mode.FAN_AVG, Distribution.UNIFORM, seed);
    }

    @Override
    public String name() {
        return "glorot_uniform";
    }
}
