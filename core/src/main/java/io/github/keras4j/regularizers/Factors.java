package io.github.keras4j.regularizers;

/** The check every regularization factor shares, as Keras' {@code validate_float_arg}. */
final class Factors {
    private Factors() {
    }

    static double check(String who, String argument, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(who + " " + argument + " must be a finite number >= 0, got " + value
                    + ". Use 0 to switch the term off, or a small factor such as " + Regularizers.DEFAULT_FACTOR + ".");
        }
        return value;
    }
}
