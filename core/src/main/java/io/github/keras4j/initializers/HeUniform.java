package io.github.keras4j.initializers;

/**
 * Uniform in {@code [-limit, limit)} with {@code limit = sqrt(6 / fanIn)} (He et al., 2015), suited to relu layers.
 *
 * <p>Keras' {@code he_uniform}: {@link VarianceScaling} with scale {@value #SCALE}, mode {@code fan_in},
 * distribution {@code uniform}.
 */
public final class HeUniform extends VarianceScaling {
    public static final double SCALE = 2.0;

    public HeUniform() {
        super(SCALE, Mode.FAN_IN, Distribution.UNIFORM, null);
    }

    /** Seeded: every array of a given shape gets the same values. */
    public HeUniform(long seed) {
        super(SCALE, Mode.FAN_IN, Distribution.UNIFORM, seed);
    }

    @Override
    public String name() {
        return "he_uniform";
    }
}
