package io.github.keras4j.activations;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ErfTest {
    /** Relative error allowed: far tighter than the 1e-12 gelu needs. */
    private static final double REL = 2e-15;

    @Test
    void knownValues() {
        assertRelative(0.5204998778130465, Erf.erf(0.5));
        assertRelative(0.8427007929497149, Erf.erf(1));
        assertRelative(0.9953222650189527, Erf.erf(2));
        assertRelative(-0.9661051464753108, Erf.erf(-1.5));
        assertEquals(0.0, Erf.erf(0));
        assertEquals(1.0, Erf.erfc(0));
    }

    @Test
    void eachRangeAgainstThirtyDigitValues() {
        // x, erf(x), erfc(x), from mpmath at 30 digits; the points straddle the range boundaries 0.46875 and 4.
        double[][] table = {
            {-5.5, -0.99999999999999264215, 1.9999999999999926422},
            {-3.2, -0.99999397423884823791, 1.9999939742388482379},
            {-0.3, -0.32862675945912741619, 1.3286267594591274162},
            {0.1, 0.1124629160182848984, 0.8875370839817151016},
            {0.46875, 0.49261347321793799159, 0.50738652678206200841},
            {0.47, 0.49374505088608211241, 0.50625494911391788759},
            {1.7, 0.98379045859077456084, 0.016209541409225439159},
            {3.9, 0.99999996520775140277, 3.4792248597231767129e-8},
            {4.1, 0.99999999329997234592, 6.7000276540849184417e-9},
            {6.3, 0.99999999999999999949, 5.1242216873957155494e-19},
            {12.0, 1.0, 1.3562611692059042128e-64},
            {25.0, 1.0, 8.300172571196522752e-274},
        };
        for (double[] row : table) {
            assertRelative(row[1], Erf.erf(row[0]));
            assertRelative(row[2], Erf.erfc(row[0]));
        }
    }

    @Test
    void symmetryAndLimits() {
        for (double x = -7; x <= 7; x += 0.37) {
            assertEquals(-Erf.erf(x), Erf.erf(-x), 0, "erf is odd at " + x);
            assertEquals(2, Erf.erfc(x) + Erf.erfc(-x), 1e-15, "erfc(x) + erfc(-x) = 2 at " + x);
        }
        assertEquals(1.0, Erf.erf(30));
        assertEquals(0.0, Erf.erfc(30));
        assertEquals(2.0, Erf.erfc(-30));
        assertEquals(1.0, Erf.erf(Double.POSITIVE_INFINITY));
        assertEquals(-1.0, Erf.erf(Double.NEGATIVE_INFINITY));
        assertEquals(Double.NaN, Erf.erf(Double.NaN));
    }

    private static void assertRelative(double expected, double actual) {
        assertEquals(expected, actual, REL * Math.abs(expected), "erf/erfc value");
    }
}
