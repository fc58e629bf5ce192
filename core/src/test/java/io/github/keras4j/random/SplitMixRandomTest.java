package io.github.keras4j.random;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** SplitMixRandom draws what java.util.SplittableRandom draws (the oracle), and its state continues it exactly. */
class SplitMixRandomTest {
    @Test
    void drawsExactlyWhatSplittableRandomDraws() {
        for (long seed : new long[] {0, 1, 42, -7, Long.MIN_VALUE, 0x9e3779b97f4a7c15L}) {
            SplittableRandom oracle = new SplittableRandom(seed);
            SplitMixRandom ours = new SplitMixRandom(seed);
            for (int i = 0; i < 20_000; i++) {
                switch (i % 5) {
                    case 0 -> assertEquals(oracle.nextLong(), ours.nextLong());
                    case 1 -> assertEquals(oracle.nextInt(), ours.nextInt());
                    case 2 -> assertEquals(oracle.nextDouble(), ours.nextDouble());
                    case 3 -> assertEquals(oracle.nextInt(i + 1), ours.nextInt(i + 1), "Fisher-Yates bounds");
                    default -> {
                        int bound = 1 << (i % 31); // powers of two take the other branch
                        assertEquals(oracle.nextInt(bound), ours.nextInt(bound));
                    }
                }
            }
            int large = Integer.MAX_VALUE / 3 * 2; // rejection happens often here
            for (int i = 0; i < 2_000; i++) {
                assertEquals(oracle.nextInt(large), ours.nextInt(large));
            }
        }
    }

    @Test
    void aGeneratorMadeFromTheStateContinuesTheSequence() {
        SplitMixRandom a = new SplitMixRandom(5);
        for (int i = 0; i < 1000; i++) {
            a.nextDouble();
        }
        SplitMixRandom b = new SplitMixRandom(a.state());
        SplitMixRandom c = new SplitMixRandom(99);
        c.setState(a.state());
        for (int i = 0; i < 1000; i++) {
            double next = a.nextDouble();
            assertEquals(next, b.nextDouble());
            assertEquals(next, c.nextDouble());
        }
    }

    @Test
    void boundMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new SplitMixRandom(1).nextInt(0));
    }
}
