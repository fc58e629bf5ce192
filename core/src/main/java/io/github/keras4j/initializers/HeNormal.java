package io.github.keras4j.initializers;

/**
 * Truncated normal with sample stddev {@code sqrt(2 / fanIn)} (He et al., 2015), suited to relu layers.
 *
 * <p>Keras' {@code he_normal}: {@link VarianceScaling} with scale {@value #SCALE}, mode {@code fan_in},
 * distribution {@code truncated_normal},
 * so the normal is drawn with that target stddev divided by
 * {@value VarianceScaling#TRUNCATED_NORMAL_STDDEV_CORRECTION} and cut at twice its own stddev, which leaves the
 * samples with the target stddev.
 */
public final class HeNormal extends VarianceScaling {
    public static final double SCALE = 2.0;

    public HeNormal() {
        super(SCALE, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL, null);
    }

    /** Seeded: every array of a given shape gets the same values. */
    public HeNormal(long seed) {
        super(SCALE, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL, seed);
    }

    @Override
    public String name() {
        return "he_normal";
    }
}
