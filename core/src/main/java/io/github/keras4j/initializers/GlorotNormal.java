package io.github.keras4j.initializers;

/**
 * Truncated normal with sample stddev {@code sqrt(2 / (fanIn + fanOut))} (Glorot and Bengio, 2010).
 *
 * <p>Keras' {@code glorot_normal}: {@link VarianceScaling} with scale {@value #SCALE}, mode {@code fan_avg},
 * distribution {@code truncated_normal},
 * so the normal is drawn with that target stddev divided by
 * {@value VarianceScaling#TRUNCATED_NORMAL_STDDEV_CORRECTION} and cut at twice its own stddev, which leaves the
 * samples with the target stddev.
 */
public final class GlorotNormal extends VarianceScaling {
    public static final double SCALE = 1.0;

    public GlorotNormal() {
        super(SCALE, Mode.FAN_AVG, Distribution.TRUNCATED_NORMAL, null);
    }

    /** Seeded: every array of a given shape gets the same values. */
    public GlorotNormal(long seed) {
        super(SCALE, Mode.FAN_AVG, Distribution.TRUNCATED_NORMAL, seed);
    }

    @Override
    public String name() {
        return "glorot_normal";
    }
}
