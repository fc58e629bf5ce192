package io.github.keras4j.initializers;

/**
 * Uniform in {@code [-limit, limit)} with {@code limit = sqrt(3 / fanIn)} (LeCun et al., 1998).
 *
 * <p>Keras' {@code lecun_uniform}: {@link VarianceScaling} with scale {@value #SCALE}, mode {@code fan_in},
 * distribution {@code uniform}.
 */
public final class LecunUniform extends VarianceScaling {
    public static final double SCALE = 1.0;

    public LecunUniform() {
        super(SCALE, Mode.FAN_IN, Distribution.UNIFORM, null);
    }

    /** Seeded: every array of a given shape gets the same values. */
    public LecunUniform(long seed) {
        super(SCALE, Mode.FAN_IN, Distribution.UNIFORM, seed);
    }

    @Override
    public String name() {
        return "lecun_uniform";
    }
}
