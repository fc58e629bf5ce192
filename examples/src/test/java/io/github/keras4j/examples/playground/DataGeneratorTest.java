package io.github.keras4j.examples.playground;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The six generators against the distributions {@code dataset.ts} defines. */
class DataGeneratorTest {
    private static List<Example2D> draw(DataGenerator g, int n, double noise) {
        return g.generate(n, noise, new SeedRandom("0.12345"));
    }

    @Test
    void circlesPositivesLieWithinRadius2Point5AndNegativesBetween3Point5And5() {
        List<Example2D> points = draw(DataGenerator.CIRCLE, 500, 0);
        assertEquals(500, points.size());
        for (Example2D p : points) {
            double r = Math.hypot(p.x(), p.y());
            if (p.label() > 0) {
                assertTrue(r < 2.5, "positive at radius " + r);
            } else {
                assertTrue(r >= 3.5 && r <= 5, "negative at radius " + r);
            }
        }
        assertEquals(250, points.stream().filter(p -> p.label() > 0).count());
    }

    @Test
    void noiseMovesWhereCirclesLabelIsTakenNotThePoint() {
        List<Example2D> points = draw(DataGenerator.CIRCLE, 500, 0.5);
        long flipped = points.subList(0, 250).stream().filter(p -> p.label() < 0).count();
        assertTrue(flipped > 20, "with noise 50 some inner points are labelled -1: " + flipped);
        assertTrue(points.subList(0, 250).stream().allMatch(p -> Math.hypot(p.x(), p.y()) < 2.5));
    }

    @Test
    void xorsPaddingKeepsPoints0Point3AwayFromTheAxesAndLabelsAreTheSignOfXTimesY() {
        for (Example2D p : draw(DataGenerator.XOR, 500, 0)) {
            assertTrue(Math.abs(p.x()) >= 0.3 && Math.abs(p.y()) >= 0.3, p.toString());
            assertTrue(Math.abs(p.x()) <= 5.3 && Math.abs(p.y()) <= 5.3, p.toString());
            assertEquals(p.x() * p.y() >= 0 ? 1 : -1, p.label());
        }
    }

    @Test
    void gaussiansSitAtPlusAndMinusTwoWithVariance0Point5WithoutNoise() {
        List<Example2D> points = draw(DataGenerator.GAUSS, 2000, 0);
        List<Example2D> positives = points.subList(0, 1000);
        double mean = positives.stream().mapToDouble(Example2D::x).average().orElseThrow();
        double variance = positives.stream().mapToDouble(p -> (p.x() - mean) * (p.x() - mean)).sum() / 999;
        assertEquals(2, mean, 0.1);
        assertEquals(0.5, variance, 0.06);
        assertTrue(positives.stream().allMatch(p -> p.label() == 1));
        assertTrue(points.subList(1000, 2000).stream().allMatch(p -> p.label() == -1));
        double meanNegative = points.subList(1000, 2000).stream().mapToDouble(Example2D::y).average().orElseThrow();
        assertEquals(-2, meanNegative, 0.1);
    }

    @Test
    void spiralsArmsAreHalfATurnApartAndReachRadius5() {
        List<Example2D> points = draw(DataGenerator.SPIRAL, 500, 0);
        for (int k = 0; k < 250; k++) {
            Example2D a = points.get(k);
            Example2D b = points.get(250 + k);
            assertEquals(-a.x(), b.x(), 1e-12); // rotated by pi: the point reflected through the origin
            assertEquals(-a.y(), b.y(), 1e-12);
            assertEquals(k / 250.0 * 5, Math.hypot(a.x(), a.y()), 1e-12);
        }
    }

    @Test
    void regressionLabelsFollowThePlaneAndTheSixBumps() {
        for (Example2D p : draw(DataGenerator.REG_PLANE, 1200, 0)) {
            assertEquals((p.x() + p.y()) / 10, p.label(), 1e-12);
            assertTrue(Math.abs(p.x()) <= 6 && Math.abs(p.y()) <= 6);
        }
        for (Example2D p : draw(DataGenerator.REG_GAUSS, 1200, 0)) {
            assertTrue(Math.abs(p.label()) <= 1);
            if (Math.hypot(p.x() - 4, p.y() - 2.5) < 0.5) {
                assertTrue(p.label() > 0.75, "near the positive bump at (4, 2.5): " + p);
            }
        }
    }

    @Test
    void unknownNamesListTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataGenerator.of("moons", false));
        assertEquals("Unknown dataset 'moons'. Known: circle, xor, gauss, spiral.", e.getMessage());
        assertEquals(DataGenerator.REG_GAUSS, DataGenerator.of("reg-gauss", true));
    }

    @Test
    void aSetupsDataIsShuffledAndSplitAsThePercentageSays() {
        PlaygroundState s = PlaygroundState.parse("percTrainData=30&seed=0.5", "x");
        PlaygroundData d = PlaygroundData.generate(s, new SeedRandom(s.seed()));
        assertEquals(150, d.train().size());
        assertEquals(350, d.test().size());
        long positivesFirstHalf = d.train().stream().filter(p -> p.label() > 0).count();
        assertTrue(positivesFirstHalf > 50 && positivesFirstHalf < 100, "shuffled: " + positivesFirstHalf);
        PlaygroundData again = PlaygroundData.generate(s, new SeedRandom(s.seed()));
        assertEquals(d, again, "the same seed gives the same points");
    }
}
