package io.github.keras4j.random;

import java.util.SplittableRandom;

/**
 * The one source of randomness in keras4j: weight initialisation, dropout masks and shuffling all draw
 * their seeds from here, in the order they are created.
 *
 * <p>{@link #setGlobalSeed(long)} (Keras' {@code set_random_seed}) makes every later draw reproducible
 * bit for bit: the same model built and trained twice in one JVM, or in two JVMs, gets the same
 * weights, masks and batch order. Without it the seeds come from the clock, as in Keras.
 */
public final class SeedGenerator {
    private static SplittableRandom global = new SplittableRandom();

    private SeedGenerator() {
    }

    /** Restarts the global sequence from {@code seed}. */
    public static synchronized void setGlobalSeed(long seed) {
        global = new SplittableRandom(seed);
    }

    /** The next seed of the global sequence, for a new generator owned by one layer, initializer or loop. */
    public static synchronized long nextSeed() {
        return global.nextLong();
    }

    /** A new generator seeded from the global sequence. */
    public static SplittableRandom newGenerator() {
        return new SplittableRandom(nextSeed());
    }

    /** The same generator as {@link #newGenerator()} (it draws the same numbers), with a state that can be saved. */
    public static SplitMixRandom newSplitMix() {
        return new SplitMixRandom(nextSeed());
    }
}
