package io.github.keras4j.initializers;

import java.util.SplittableRandom;

/** The draws the random initializers share, all from one seeded Java generator. */
final class Sampling {
    private Sampling() {
    }

    /** Uniform in {@code [low, high)}. */
    static double uniform(SplittableRandom rng, double low, double high) {
        return low + (high - low) * rng.nextDouble();
    }

    /**
     * A standard normal draw redrawn until it lies within {@link TruncatedNormal#TRUNCATION_STDDEVS}
     * of zero, as Keras' {@code random.truncated_normal} does (about 4.6% of draws are redrawn).
     */
    static double truncatedStandardNormal(SplittableRandom rng) {
        double z;
        do {
            z = rng.nextGaussian();
        } while (Math.abs(z) > TruncatedNormal.TRUNCATION_STDDEVS);
        return z;
    }

    /** Checks a finite real hyperparameter, naming the initializer and argument in the message. */
    static double finite(String who, String argument, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(who + " " + argument + " must be a finite number, got " + value + ".");
        }
        return value;
    }

    /** Checks a finite hyperparameter that must be at least zero. */
    static double nonNegative(String who, String argument, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(who + " " + argument + " must be a finite number >= 0, got " + value
                    + ". Use a small positive value such as the default.");
        }
        return value;
    }
}
