package io.github.keras4j.backend;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The choice of path; core's tests run with jdk.incubator.vector (see core/pom.xml), api's without. */
class SimdTest {
    @Test
    void theVectorApiPathRunsWhereTheModuleIsLoaded() {
        assertTrue(Simd.moduleLoaded(), "core's tests are configured to run with --add-modules " + Simd.MODULE);
        assertNotNull(Simd.kernels());
        assertTrue(Simd.describe().startsWith("keras4j runs float32 inference on the Vector API ("), Simd.describe());
    }

    @Test
    void onlyFalseTurnsThePathOff() {
        assertTrue(Simd.isOff("false"));
        assertTrue(Simd.isOff(" FALSE "));
        assertFalse(Simd.isOff(null));
        assertFalse(Simd.isOff("true"));
        assertFalse(Simd.isOff(""));
    }

    @Test
    void theLogLineSaysHowToGetTheOtherPath() {
        assertEquals("keras4j runs its plain-Java kernels; start Java with --add-modules jdk.incubator.vector for float32"
                + " inference on the Vector API (faster sigmoid and softmax)", Simd.describe(null, false, null));
        assertEquals("keras4j runs its plain-Java kernels: -Dkeras4j.vector=false turned the Vector API off",
                Simd.describe(null, true, "false"));
        assertTrue(Simd.describe(Simd.kernels(), true, null).endsWith("; -Dkeras4j.vector=false turns it off"));
    }
}
