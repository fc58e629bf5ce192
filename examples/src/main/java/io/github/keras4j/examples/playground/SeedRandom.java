package io.github.keras4j.examples.playground;

/**
 * The random numbers of the TensorFlow Playground: David Bau's {@code seedrandom} (ARC4 keyed by the seed
 * string, the generator the Playground installs as {@code Math.random} with {@code Math.seedrandom(seed)}).
 * Reproducing it, rather than using a Java generator, makes a Playground link's {@code seed} give here the
 * same data points, the same shuffle and the same initial weights as on the original page.
 *
 * <p>The algorithm, as its documentation describes it: the seed's characters are mixed into a key of at most
 * 256 bytes; ARC4 is keyed with it and its first 256 bytes are discarded; each double is built from 7 or more
 * ARC4 bytes so that it carries 52 bits, as many as a double can hold below 1.
 */
public final class SeedRandom {
    private static final int WIDTH = 256;
    private static final int MASK = WIDTH - 1;
    private static final int CHUNKS = 6;
    private static final double START_DENOM = Math.pow(WIDTH, CHUNKS);
    private static final double SIGNIFICANCE = Math.pow(2, 52);
    private static final double OVERFLOW = SIGNIFICANCE * 2;

    private final int[] s = new int[WIDTH];
    private int i;
    private int j;

    /** A generator keyed by {@code seed}, the same string as the Playground's {@code seed=} parameter. */
    public SeedRandom(String seed) {
        int[] key = mixKey(seed);
        int keyLength = key.length == 0 ? 1 : key.length;
        if (key.length == 0) {
            key = new int[] {0}; // seedrandom keys an empty seed with a single zero byte
        }
        for (int k = 0; k < WIDTH; k++) {
            s[k] = k;
        }
        int jj = 0;
        for (int k = 0; k < WIDTH; k++) {
            int t = s[k];
            jj = MASK & (jj + key[k % keyLength] + t);
            s[k] = s[jj];
            s[jj] = t;
        }
        next(WIDTH); // drop the first bytes: the start of ARC4's stream is its weakest part
    }

    /** The key bytes: each character folded into a slot of at most 256, smeared with the slot's previous value. */
    private static int[] mixKey(String seed) {
        int[] key = new int[Math.min(seed.length(), WIDTH)];
        int smear = 0;
        for (int k = 0; k < seed.length(); k++) {
            int slot = MASK & k;
            smear ^= key[slot] * 19;
            key[slot] = MASK & (smear + seed.charAt(k));
        }
        return key;
    }

    /** The next {@code count} ARC4 bytes as one big-endian number (at most 7 bytes, so exact in a double). */
    private double next(int count) {
        double r = 0;
        for (int c = 0; c < count; c++) {
            i = MASK & (i + 1);
            int t = s[i];
            j = MASK & (j + t);
            s[i] = s[j];
            s[j] = t;
            r = r * WIDTH + s[MASK & (s[i] + s[j])];
        }
        return r;
    }

    /** The next double in [0, 1), as {@code Math.random()} on the Playground after {@code Math.seedrandom(seed)}. */
    public double nextDouble() {
        double n = next(CHUNKS);
        double d = START_DENOM;
        double x = 0;
        while (n < SIGNIFICANCE) { // fewer than 52 bits so far: take one more byte
            n = (n + x) * WIDTH;
            d *= WIDTH;
            x = next(1);
        }
        while (n >= OVERFLOW) { // too many bits to be exact: shift right until 53 remain
            n /= 2;
            d /= 2;
            x = Math.floor(x / 2);
        }
        return (n + x) / d;
    }

    /** A uniform sample in [a, b), the Playground's {@code randUniform}. */
    public double uniform(double a, double b) {
        return nextDouble() * (b - a) + a;
    }

    /**
     * A normal sample by the polar (Marsaglia) method, the Playground's {@code normalRandom}: draw points in the
     * square until one falls in the unit disc, then scale.
     */
    public double normal(double mean, double variance) {
        double v1;
        double v2;
        double s2;
        do {
            v1 = 2 * nextDouble() - 1;
            v2 = 2 * nextDouble() - 1;
            s2 = v1 * v1 + v2 * v2;
        } while (s2 > 1);
        double result = Math.sqrt(-2 * Math.log(s2) / s2) * v1;
        return mean + Math.sqrt(variance) * result;
    }
}
