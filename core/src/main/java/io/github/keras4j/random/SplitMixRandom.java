package io.github.keras4j.random;

/**
 * The generator behind Dropout's masks and fit's shuffling: SplitMix64 (Steele, Lea and Flood, "Fast
 * splittable pseudorandom number generators", OOPSLA 2014), drawing exactly the numbers
 * {@code new java.util.SplittableRandom(seed)} draws, but with its state readable and settable so that it can
 * be saved with a model and restored: training resumed from a file then draws the same masks and batch orders
 * as training that never stopped.
 *
 * <pre>
 * state += GAMMA                      (GAMMA = 0x9e3779b97f4a7c15, the golden ratio in 64 bits)
 * nextLong()   = mix64(state)
 * nextInt()    = mix32(state)
 * nextDouble() = (nextLong() >>> 11) * 2^-53
 * </pre>
 * Not thread-safe: each user (a layer, a model) owns its generator.
 */
public final class SplitMixRandom {
    /** SplittableRandom's default gamma: {@value}. */
    static final long GAMMA = 0x9e3779b97f4a7c15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;

    /** The generator {@code new SplittableRandom(seed)} is. */
    public SplitMixRandom(long seed) {
        this.state = seed;
    }

    /** The whole state: a generator made with {@code new SplitMixRandom(state())} continues exactly from here. */
    public long state() {
        return state;
    }

    /** Puts the generator back to {@code state}, as returned by {@link #state()}. */
    public void setState(long state) {
        this.state = state;
    }

    public long nextLong() {
        return mix64(nextSeed());
    }

    public int nextInt() {
        return mix32(nextSeed());
    }

    /** Uniform in {@code [0, bound)}, without modulo bias (rejection, as SplittableRandom does). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        int r = nextInt();
        int m = bound - 1;
        if ((bound & m) == 0) {
            return r & m; // a power of two: the low bits
        }
        for (int u = r >>> 1; u + m - (r = u % bound) < 0; u = nextInt() >>> 1) {
            // u landed in the incomplete last block of [0, 2^31): draw again
        }
        return r;
    }

    /** Uniform in {@code [0, 1)}, a multiple of 2^-53. */
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    private long nextSeed() {
        return state += GAMMA;
    }

    /** Stafford's variant 13 of MurmurHash3's 64-bit finalizer. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** MurmurHash3's 64-bit finalizer, upper 32 bits. */
    private static int mix32(long z) {
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }
}
