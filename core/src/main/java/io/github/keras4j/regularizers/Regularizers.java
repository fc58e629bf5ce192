package io.github.keras4j.regularizers;

import io.github.keras4j.engine.Registry;

import java.util.List;

/**
 * Keras' regularizer shorthands: {@code Regularizers.l2(0.01)}, or by identifier
 * {@code Regularizers.get("l2")}. Without a factor each uses {@value #DEFAULT_FACTOR}, as tf.keras 2's
 * {@code l1()}, {@code l2()} and {@code l1_l2()} do (Keras 3's {@code L1L2()} class alone defaults to 0).
 */
public final class Regularizers {
    /** Keras' default factor for {@code l1()}, {@code l2()} and {@code l1l2()}: {@value}. */
    public static final double DEFAULT_FACTOR = 0.01;

    private static final Registry<Regularizer> REGISTRY = new Registry<Regularizer>("regularizer")
            .register(Regularizers::l1, "l1")
            .register(Regularizers::l2, "l2")
            .register(Regularizers::l1l2, "l1_l2", "l1l2");

    private Regularizers() {
    }

    /** {@code l1 * sum(|w|)}. */
    public static L1 l1(double l1) {
        return new L1(l1);
    }

    /** {@code 0.01 * sum(|w|)}. */
    public static L1 l1() {
        return new L1(DEFAULT_FACTOR);
    }

    /** {@code l2 * sum(w^2)}. */
    public static L2 l2(double l2) {
        return new L2(l2);
    }

    /** {@code 0.01 * sum(w^2)}. */
    public static L2 l2() {
        return new L2(DEFAULT_FACTOR);
    }

    /** {@code l1 * sum(|w|) + l2 * sum(w^2)}. */
    public static L1L2 l1l2(double l1, double l2) {
        return new L1L2(l1, l2);
    }

    /** {@code 0.01 * sum(|w|) + 0.01 * sum(w^2)}. */
    public static L1L2 l1l2() {
        return new L1L2(DEFAULT_FACTOR, DEFAULT_FACTOR);
    }

    /** A regularizer by Keras identifier ({@code "l1"}, {@code "l2"}, {@code "l1_l2"}) with the default factor. */
    public static Regularizer get(String id) {
        return REGISTRY.get(id);
    }

    /** The known identifiers, sorted. */
    public static List<String> ids() {
        return REGISTRY.ids();
    }
}
