package io.github.keras4j.backend;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NativeBudgetTest {
    @Test
    void theDefaultBudgetIs32MiB() {
        assertEquals(32L << 20, NativeBudget.DEFAULT_BUDGET);
        assertEquals("keras4j.gc.budget", NativeBudget.PROPERTY);
        assertEquals(Long.getLong(NativeBudget.PROPERTY, NativeBudget.DEFAULT_BUDGET), NativeBudget.budget());
    }

    @Test
    void theBudgetIsSpentOnlyWhenExceededAndZeroNeverSpends() {
        assertFalse(NativeBudget.spent(100, 100));
        assertTrue(NativeBudget.spent(101, 100));
        assertFalse(NativeBudget.spent(Long.MAX_VALUE, 0), "0 turns the budget off");
    }

    @Test
    void creatingArraysBeyondTheBudgetAsksForACollection() {
        long before = NativeBudget.requested();
        long bytes = 0;
        // 4 MiB arrays until keras4j asks; a collection the JVM makes on its own in between restarts the count.
        while (NativeBudget.requested() == before && bytes <= 4 * NativeBudget.budget()) {
            INDArray a = NativeMemory.create(DataType.FLOAT, 1 << 20);
            assertArrayEquals(new long[] {1 << 20}, a.shape());
            assertEquals(0f, a.getFloat(12345), "zeroed");
            bytes += 4L << 20;
        }
        assertTrue(NativeBudget.requested() > before, "no collection asked for after " + bytes + " bytes");
    }
}
