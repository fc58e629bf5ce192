package io.github.keras4j.examples.playground;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The generator against the npm package {@code seedrandom} 3.0.5 (the library the Playground installs as
 * {@code Math.random}): the values below are what {@code require("seedrandom")(seed)()} returns under Node 20.
 */
class SeedRandomTest {
    private static void assertStream(String seed, double... expected) {
        SeedRandom r = new SeedRandom(seed);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], r.nextDouble(), 0, "value " + i + " of seed '" + seed + "'");
        }
    }

    @Test
    void matchesSeedrandomBitForBit() {
        assertStream("0.12345", 0.9152007406557323, 0.4702753218035592, 0.2736265229359467, 0.4061024686767439, 0.17774293688520318);
        assertStream("0.5", 0.49767758747058916, 0.8074465011135612, 0.7863697779919979, 0.13062446936699187, 0.8286666905894619);
        assertStream("abc", 0.7319428070286753, 0.6472995620587413, 0.7150830336207971, 0.6316332598487158, 0.39283784326843896);
    }

    @Test
    void keysOfEveryKindMatchToo() {
        assertStream("", 0.23144008215179881, 0.27404636548159655); // an empty key is one zero byte
        assertStream("x".repeat(300), 0.952495823023581);          // longer than 256: characters fold into earlier slots
        assertStream("ü€", 0.5503655125845051);                    // UTF-16 code units, as charCodeAt
    }

    @Test
    void theThousandthValueStillMatches() {
        SeedRandom r = new SeedRandom("0.5");
        double v = 0;
        for (int i = 0; i < 1000; i++) {
            v = r.nextDouble();
        }
        assertEquals(0.5821397631576358, v, 0);
    }

    @Test
    void newSeedsAreJavaScriptsToFixedFive() {
        assertEquals("0.49768", PlaygroundData.newSeed(new SeedRandom("0.5"))); // (0.49767758...).toFixed(5)
    }
}
