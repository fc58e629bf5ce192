package io.github.keras4j.initializers;

import io.github.keras4j.random.SeedGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Glorot, He and LeCun initializers against Keras' VarianceScaling formulas
 * (keras/src/initializers/random_initializers.py). A (100, 400) kernel has fan-in 100, fan-out 400 and
 * fan-average 250, so a wrong fan shows up as a wrong spread. Each draw has 40,000 samples: the sample
 * stddev is then within about 0.5% of the true one, and the tests allow 2%.
 */
class VarianceScalingTest {
    private static final long FAN_IN = 100, FAN_OUT = 400;
    private static final double FAN_AVG = (FAN_IN + FAN_OUT) / 2.0;

    @BeforeEach
    void fixTheGlobalSeed() {
        SeedGenerator.setGlobalSeed(1234); // the statistical checks then see fixed samples
    }

    private static void assertUniform(Initializer init, double limit) {
        Samples s = Samples.draw(init, FAN_IN, FAN_OUT);
        assertTrue(s.maxAbs() <= limit, "all samples within +-" + limit + ", got " + s.maxAbs());
        assertTrue(s.min() < -0.99 * limit && s.max() > 0.99 * limit, "the samples fill [-limit, limit)");
        double variance = s.stddev() * s.stddev();
        assertEquals(limit * limit / 3, variance, 0.02 * limit * limit / 3, "uniform variance limit^2 / 3");
        assertEquals(0, s.mean(), 0.02 * limit);
    }

    private static void assertTruncatedNormal(Initializer init, double targetStddev) {
        Samples s = Samples.draw(init, FAN_IN, FAN_OUT);
        assertEquals(targetStddev, s.stddev(), 0.02 * targetStddev, "sample stddev sqrt(scale / fan)");
        double cut = 2 * targetStddev / 0.87962566103423978;
        assertTrue(s.maxAbs() <= cut, "no sample beyond 2 stddev of the underlying normal (" + cut + "), got " + s.maxAbs());
        assertTrue(s.maxAbs() > 0.97 * cut, "samples reach close to the cut, so it is not lower: " + s.maxAbs());
        assertEquals(0, s.mean(), 0.02 * targetStddev);
    }

    @Test
    void glorotUniformLimitIsSqrtSixOverFanSum() {
        assertUniform(new GlorotUniform(), Math.sqrt(6.0 / (FAN_IN + FAN_OUT)));
    }

    @Test
    void heUniformLimitIsSqrtSixOverFanIn() {
        assertUniform(new HeUniform(), Math.sqrt(6.0 / FAN_IN));
    }

    @Test
    void lecunUniformLimitIsSqrtThreeOverFanIn() {
        assertUniform(new LecunUniform(), Math.sqrt(3.0 / FAN_IN));
    }

    @Test
    void glorotNormalStddevIsSqrtTwoOverFanSum() {
        assertTruncatedNormal(new GlorotNormal(), Math.sqrt(1.0 / FAN_AVG));
    }

    @Test
    void heNormalStddevIsSqrtTwoOverFanIn() {
        assertTruncatedNormal(new HeNormal(), Math.sqrt(2.0 / FAN_IN));
    }

    @Test
    void lecunNormalStddevIsSqrtOneOverFanIn() {
        assertTruncatedNormal(new LecunNormal(), Math.sqrt(1.0 / FAN_IN));
    }

    @Test
    void fanOutModeAndUntruncatedNormal() {
        Samples s = Samples.draw(new VarianceScaling(3.0, VarianceScaling.Mode.FAN_OUT, VarianceScaling.Distribution.UNTRUNCATED_NORMAL),
                FAN_IN, FAN_OUT);
        double stddev = Math.sqrt(3.0 / FAN_OUT);
        assertEquals(stddev, s.stddev(), 0.02 * stddev);
        assertTrue(s.maxAbs() > 2.5 * stddev, "an untruncated normal has tails beyond 2 stddev");
    }

    @Test
    void convolutionKernelFansIncludeTheReceptiveField() {
        // Keras: shape (3, 3, 16, 32) has fan_in 3*3*16 = 144.
        Samples s = Samples.draw(new LecunUniform(), 3, 3, 16, 32);
        double limit = Math.sqrt(3.0 / 144);
        assertTrue(s.maxAbs() <= limit && s.maxAbs() > 0.99 * limit, "limit sqrt(3 / 144), got max " + s.maxAbs());
    }

    @Test
    void correctionConstantIsTheStddevOfAUnitNormalCutAtTwo() {
        // sqrt( integral_{-2}^{2} x^2 phi(x) dx / integral_{-2}^{2} phi(x) dx ), by Simpson's rule.
        int n = 20_000;
        double h = 4.0 / n, mass = 0, second = 0;
        for (int i = 0; i <= n; i++) {
            double x = -2 + i * h;
            double weight = (i == 0 || i == n) ? 1 : (i % 2 == 1 ? 4 : 2);
            double phi = Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
            mass += weight * phi;
            second += weight * x * x * phi;
        }
        assertEquals(Math.sqrt(second / mass), VarianceScaling.TRUNCATED_NORMAL_STDDEV_CORRECTION, 1e-12);
        assertEquals(0.87962566103423978, VarianceScaling.TRUNCATED_NORMAL_STDDEV_CORRECTION);
    }

    @Test
    void namedInitializersAreVarianceScalingWithKerasSettings() {
        check(new GlorotUniform(), "glorot_uniform", 1.0, "fan_avg", "uniform");
        check(new GlorotNormal(), "glorot_normal", 1.0, "fan_avg", "truncated_normal");
        check(new HeUniform(), "he_uniform", 2.0, "fan_in", "uniform");
        check(new HeNormal(), "he_normal", 2.0, "fan_in", "truncated_normal");
        check(new LecunUniform(), "lecun_uniform", 1.0, "fan_in", "uniform");
        check(new LecunNormal(), "lecun_normal", 1.0, "fan_in", "truncated_normal");
        check(new VarianceScaling(), "variance_scaling", 1.0, "fan_in", "truncated_normal");
        assertEquals(1.0, VarianceScaling.DEFAULT_SCALE);
        assertEquals(2.0, HeNormal.SCALE);
        assertEquals(2.0, HeUniform.SCALE);
        assertEquals(1.0, GlorotUniform.SCALE);
        assertEquals(1.0, GlorotNormal.SCALE);
        assertEquals(1.0, LecunNormal.SCALE);
        assertEquals(1.0, LecunUniform.SCALE);
    }

    private static void check(VarianceScaling init, String name, double scale, String mode, String distribution) {
        assertEquals(name, init.name());
        assertEquals(scale, init.scale());
        assertEquals(mode, init.mode().kerasName());
        assertEquals(distribution, init.distribution().kerasName());
    }

    @Test
    void kerasSpellingsOfModeAndDistribution() {
        assertEquals(VarianceScaling.Mode.FAN_AVG, VarianceScaling.Mode.of("fan_avg"));
        assertEquals(VarianceScaling.Distribution.TRUNCATED_NORMAL, VarianceScaling.Distribution.of("normal"));
        assertEquals(VarianceScaling.Distribution.UNIFORM, VarianceScaling.Distribution.of("uniform"));
        assertEquals("VarianceScaling mode must be one of fan_in, fan_out, fan_avg, got 'fan_sum'.",
                assertThrows(IllegalArgumentException.class, () -> VarianceScaling.Mode.of("fan_sum")).getMessage());
        assertEquals("VarianceScaling distribution must be one of truncated_normal, untruncated_normal, uniform (or normal), got 'gamma'.",
                assertThrows(IllegalArgumentException.class, () -> VarianceScaling.Distribution.of("gamma")).getMessage());
    }

    @Test
    void scaleMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new VarianceScaling(0, VarianceScaling.Mode.FAN_IN, VarianceScaling.Distribution.UNIFORM));
        assertEquals("VarianceScaling scale must be a finite number > 0, got 0.0. Use 1.0 (Glorot, LeCun) or 2.0 (He).", e.getMessage());
    }
}
