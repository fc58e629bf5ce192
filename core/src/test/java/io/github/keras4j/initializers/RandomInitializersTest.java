package io.github.keras4j.initializers;

import io.github.keras4j.random.SeedGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** random_normal, random_uniform, truncated_normal and the constant initializers, with Keras' defaults. */
class RandomInitializersTest {
    @BeforeEach
    void fixTheGlobalSeed() {
        SeedGenerator.setGlobalSeed(20240611); // the statistical checks below then see fixed samples
    }

    @Test
    void defaultsAreKeras() {
        assertEquals(0.0, RandomNormal.DEFAULT_MEAN);
        assertEquals(0.05, RandomNormal.DEFAULT_STDDEV);
        assertEquals(-0.05, RandomUniform.DEFAULT_MINVAL);
        assertEquals(0.05, RandomUniform.DEFAULT_MAXVAL);
        assertEquals(0.0, TruncatedNormal.DEFAULT_MEAN);
        assertEquals(0.05, TruncatedNormal.DEFAULT_STDDEV);
        assertEquals(2.0, TruncatedNormal.TRUNCATION_STDDEVS);
        assertEquals(0.0, Constant.DEFAULT_VALUE);
        RandomNormal normal = new RandomNormal();
        assertEquals(0.0, normal.mean());
        assertEquals(0.05, normal.stddev());
        RandomUniform uniform = new RandomUniform();
        assertEquals(-0.05, uniform.minval());
        assertEquals(0.05, uniform.maxval());
        TruncatedNormal truncated = new TruncatedNormal();
        assertEquals(0.0, truncated.mean());
        assertEquals(0.05, truncated.stddev());
        assertEquals(0.0, new Constant().value());
    }

    @Test
    void randomNormalDefaultSpread() {
        Samples s = Samples.draw(new RandomNormal(), 200, 200);
        assertEquals(0.05, s.stddev(), 0.001);
        assertEquals(0.0, s.mean(), 0.001);
        assertTrue(s.maxAbs() > 0.15, "an untruncated normal reaches past 3 stddev in 40,000 draws");
    }

    @Test
    void randomNormalMeanAndStddev() {
        Samples s = Samples.draw(new RandomNormal(3.0, 0.5, 1L), 200, 200);
        assertEquals(3.0, s.mean(), 0.01);
        assertEquals(0.5, s.stddev(), 0.01);
    }

    @Test
    void randomUniformDefaultRange() {
        Samples s = Samples.draw(new RandomUniform(), 200, 200);
        assertTrue(s.min() >= -0.05 && s.max() < 0.05, "within [-0.05, 0.05)");
        assertTrue(s.min() < -0.0495 && s.max() > 0.0495, "fills the range");
        assertEquals(0.1 * 0.1 / 12, s.stddev() * s.stddev(), 0.02 * 0.1 * 0.1 / 12, "variance (max - min)^2 / 12");
    }

    @Test
    void randomUniformCustomRange() {
        Samples s = Samples.draw(new RandomUniform(2, 5, 7L), 100, 100);
        assertTrue(s.min() >= 2 && s.max() < 5);
        assertEquals(3.5, s.mean(), 0.05);
    }

    @Test
    void truncatedNormalDefaultStaysWithinTwoStddev() {
        Samples s = Samples.draw(new TruncatedNormal(), 200, 200);
        assertTrue(s.maxAbs() <= 0.1, "|x| <= 2 * 0.05, got " + s.maxAbs());
        assertTrue(s.maxAbs() > 0.097, "the cut is at 2 stddev, not below");
        // Keras' stddev is the normal's before the cut; the samples' own stddev is 0.8796... of it.
        assertEquals(0.05 * 0.87962566103423978, s.stddev(), 0.02 * 0.05);
    }

    @Test
    void truncatedNormalAroundAMean() {
        Samples s = Samples.draw(new TruncatedNormal(1.0, 0.2, 3L), 200, 100);
        assertTrue(s.min() >= 0.6 && s.max() <= 1.4, "within 1 +- 2 * 0.2");
        assertEquals(1.0, s.mean(), 0.01);
    }

    @Test
    void constantInitializers() {
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1}, Samples.draw(new Ones(), 2, 3).values());
        assertArrayEquals(new double[] {0, 0, 0, 0}, Samples.draw(new Zeros(), 4).values());
        assertArrayEquals(new double[] {-2.5, -2.5, -2.5}, Samples.draw(new Constant(-2.5), 3, 1).values());
    }

    @Test
    void badArgumentsNameTheInitializer() {
        assertEquals("RandomUniform needs minval <= maxval, got minval=1.0, maxval=0.0. Swap the two arguments.",
                assertThrows(IllegalArgumentException.class, () -> new RandomUniform(1, 0)).getMessage());
        assertEquals("RandomNormal stddev must be a finite number >= 0, got -1.0. Use a small positive value such as the default.",
                assertThrows(IllegalArgumentException.class, () -> new RandomNormal(0, -1)).getMessage());
        assertEquals("TruncatedNormal mean must be a finite number, got NaN.",
                assertThrows(IllegalArgumentException.class, () -> new TruncatedNormal(Double.NaN, 1)).getMessage());
        assertEquals("Constant value must be a finite number, got Infinity.",
                assertThrows(IllegalArgumentException.class, () -> new Constant(Double.POSITIVE_INFINITY)).getMessage());
    }
}
