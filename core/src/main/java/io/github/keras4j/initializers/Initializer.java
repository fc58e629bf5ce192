package io.github.keras4j.initializers;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.random.SeedGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.SplittableRandom;

/**
 * Fills a new weight array (Keras' {@code keras.initializers}). Values are drawn in Java from a seeded
 * generator, so they are the same on every machine and thread count.
 *
 * <p>An initializer given a seed draws the same values every time, as Keras' seeded initializers do;
 * without one it takes a fresh seed from {@link SeedGenerator} for each array, so one unseeded instance
 * shared by two layers gives them different weights (Keras 3 would give both the same values), and
 * {@link SeedGenerator#setGlobalSeed(long)} makes the whole sequence reproducible. Initializers that
 * draw nothing (zeros, ones, constant) take no seed, so choosing them leaves later draws unchanged.
 */
public abstract class Initializer {
    private final Long seed;

    protected Initializer() {
        this(null);
    }

    protected Initializer(Long seed) {
        this.seed = seed;
    }

    /** Keras' identifier, e.g. {@code "glorot_uniform"}. */
    public abstract String name();

    /** The seed given at construction, or null. */
    public Long seed() {
        return seed;
    }

    /** A new c-order array of {@code shape} and {@code type} holding the initial values. */
    public INDArray initialize(long[] shape, DataType type) {
        long length = 1;
        for (long d : shape) {
            length *= d;
        }
        double[] values = new double[Math.toIntExact(length)];
        SplittableRandom rng = !isRandom() ? null : new SplittableRandom(seed != null ? seed : SeedGenerator.nextSeed());
        fill(values, Fans.of(shape), rng);
        INDArray out = NativeMemory.create(type, shape);
        if (values.length > 0) {
            NativeMemory.write(values, out);
        }
        return out;
    }

    /** Writes the initial values; {@code rng} is null when {@link #isRandom()} is false. */
    protected abstract void fill(double[] values, Fans fans, SplittableRandom rng);

    /** False for initializers whose values are fixed; they then take no seed from {@link SeedGenerator}. */
    protected boolean isRandom() {
        return true;
    }
}
