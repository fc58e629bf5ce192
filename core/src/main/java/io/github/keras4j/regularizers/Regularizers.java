package io.github.keras4j.regularizers;

/** Keras' regularizer shorthands: {@code Regularizers.l2(0.01)}. */
public final class Regularizers {
    /** Keras' default factor for {@code l1()}, {@code l2()} and {@code l1l2()}: {@value}. */
    public static final double DEFAULT_FACTOR = 0.01;

    private Regularizers() {
    }

    public static Regularizer l1(double l1) {
        return new L1L2(l1, 0);
    }

    public static Regularizer l2(double l2) {
        return new L1L2(0, l2);
    }

    public static Regularizer l1l2(double l1, double l2) {
        return new L1L2(l1, l2);
    }
}
