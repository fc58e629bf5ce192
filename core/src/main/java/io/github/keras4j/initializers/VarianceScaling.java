package io.github.keras4j.initializers;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Keras' VarianceScaling: draws with a variance of {@code scale / n}, where {@code n} is the fan-in,
 * the fan-out or their average (each at least 1). The Glorot, He and LeCun initializers are this with
 * fixed settings.
 *
 * <pre>
 * s = scale / max(1, fan)               // fan chosen by mode
 * truncated_normal:   stddev = sqrt(s) / 0.87962566103423978, truncated at 2 stddev
 * untruncated_normal: stddev = sqrt(s)
 * uniform:            limit = sqrt(3 s), uniform in [-limit, limit)
 * </pre>
 * The truncated normal's stddev is divided by {@value #TRUNCATED_NORMAL_STDDEV_CORRECTION}, the standard
 * deviation of a unit normal cut at +-2, so that the samples themselves have variance {@code s}.
 *
 * <p>Defaults, as in Keras: scale {@value #DEFAULT_SCALE}, mode {@code fan_in}, distribution
 * {@code truncated_normal}.
 */
public class VarianceScaling extends Initializer {
    public static final double DEFAULT_SCALE = 1.0;
    public static final Mode DEFAULT_MODE = Mode.FAN_IN;
    public static final Distribution DEFAULT_DISTRIBUTION = Distribution.TRUNCATED_NORMAL;
    /** Standard deviation of a standard normal truncated to [-2, 2]. */
    public static final double TRUNCATED_NORMAL_STDDEV_CORRECTION = 0.87962566103423978;

    /** Which fan divides the scale. */
    public enum Mode {
        FAN_IN, FAN_OUT, FAN_AVG;

        /** Keras' spelling: {@code fan_in}, {@code fan_out}, {@code fan_avg}. */
        public String kerasName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The mode for Keras' spelling. */
        public static Mode of(String kerasName) {
            for (Mode m : values()) {
                if (m.kerasName().equals(kerasName)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("VarianceScaling mode must be one of fan_in, fan_out, fan_avg, got '" + kerasName + "'.");
        }
    }

    /** The distribution the values are drawn from. */
    public enum Distribution {
        TRUNCATED_NORMAL, UNTRUNCATED_NORMAL, UNIFORM;

        /** Keras' spelling: {@code truncated_normal}, {@code untruncated_normal}, {@code uniform}. */
        public String kerasName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The distribution for Keras' spelling; {@code normal} means truncated_normal, as in Keras. */
        public static Distribution of(String kerasName) {
            String key = kerasName == null ? "" : kerasName.toLowerCase(Locale.ROOT);
            if (key.equals("normal")) {
                return TRUNCATED_NORMAL;
            }
            for (Distribution d : values()) {
                if (d.kerasName().equals(key)) {
                    return d;
                }
            }
            throw new IllegalArgumentException("VarianceScaling distribution must be one of truncated_normal, untruncated_normal,"
                    + " uniform (or normal), got '" + kerasName + "'.");
        }
    }

    private final double scale;
    private final Mode mode;
    private final Distribution distribution;

    /** Keras' defaults: scale 1, fan_in, truncated_normal (the same as lecun_normal). */
    public VarianceScaling() {
        this(DEFAULT_SCALE, DEFAULT_MODE, DEFAULT_DISTRIBUTION, null);
    }

    public VarianceScaling(double scale, Mode mode, Distribution distribution) {
        this(scale, mode, distribution, null);
    }

    public VarianceScaling(double scale, Mode mode, Distribution distribution, long seed) {
        this(scale, mode, distribution, Long.valueOf(seed));
    }

    protected VarianceScaling(double scale, Mode mode, Distribution distribution, Long seed) {
        super(seed);
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("VarianceScaling scale must be a finite number > 0, got " + scale
                    + ". Use 1.0 (Glorot, LeCun) or 2.0 (He).");
        }
        if (mode == null || distribution == null) {
            throw new IllegalArgumentException("VarianceScaling needs a mode and a distribution, got mode=" + mode
                    + ", distribution=" + distribution + ".");
        }
        this.scale = scale;
        this.mode = mode;
        this.distribution = distribution;
    }

    public double scale() {
        return scale;
    }

    public Mode mode() {
        return mode;
    }

    public Distribution distribution() {
        return distribution;
    }

    @Override
    public String name() {
        return "variance_scaling";
    }

    @Override
    protected void fill(double[] values, Fans fans, SplittableRandom rng) {
        double fan = switch (mode) {
            case FAN_IN -> fans.fanIn();
            case FAN_OUT -> fans.fanOut();
            case FAN_AVG -> (fans.fanIn() + fans.fanOut()) / 2;
        };
        double s = scale / Math.max(1.0, fan);
        switch (distribution) {
            case TRUNCATED_NORMAL -> {
                double stddev = Math.sqrt(s) / TRUNCATED_NORMAL_STDDEV_CORRECTION;
                for (int i = 0; i < values.length; i++) {
                    values[i] = stddev * Sampling.truncatedStandardNormal(rng);
                }
            }
            case UNTRUNCATED_NORMAL -> {
                double stddev = Math.sqrt(s);
                for (int i = 0; i < values.length; i++) {
                    values[i] = stddev * rng.nextGaussian();
                }
            }
            case UNIFORM -> {
                double limit = Math.sqrt(3 * s);
                for (int i = 0; i < values.length; i++) {
                    values[i] = Sampling.uniform(rng, -limit, limit);
                }
            }
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(scale=" + scale + ", mode=" + mode.kerasName() + ", distribution="
                + distribution.kerasName() + (seed() != null ? ", seed=" + seed() : "") + ")";
    }
}
