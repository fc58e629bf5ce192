package io.github.keras4j.initializers;

/**
 * Truncated normal with sample stddev {@code sqrt(1 / fanIn)} (LeCun et al., 1998), selu's initializer.
 *
 * <p>Keras' {@code lecun_normal}: {@link VarianceScaling} with scale {@value #SCALE}, mode {@code fan_in},
 * distribution {@code truncated_normal},
 * so the normal is drawn with that target stddev divided by
 * {@value VarianceScaling#TRUNCATED_NORMAL_STDDEV_CORRECTION} and cut at twice its own stddev, which leaves the
 * samples with the target stddev.
 */
public final class LecunNormal extends VarianceScaling {
    public static final double SCALE = 1.0;

    public LecunNormal() {
        super(SCALE, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL, null);
    }

    /** Seeded: every array of a given shape gets the same values. */
    public LecunNormal(long seed) {
        super(SCALE, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL, seed);
    }

    @Override
    public String name() {
        return "lecun_normal";
    }
}
