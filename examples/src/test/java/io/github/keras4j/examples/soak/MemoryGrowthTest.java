package io.github.keras4j.examples.soak;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The soak's growth arithmetic: last over first and max over first, the noise floor, and which figures are judged. */
class MemoryGrowthTest {
    private static final long MIB = 1 << 20;

    /** A sample whose every figure is {@code mib} MiB, except RSS outside the heap, which is {@code outside} MiB. */
    private static MemorySample sample(String label, long mib, long outside) {
        return new MemorySample(label, mib * MIB, mib * MIB, mib * MIB, mib * MIB, mib * MIB, mib * MIB, mib * MIB, outside * MIB);
    }

    private static MemoryGrowth.Growth growthOf(List<MemoryGrowth.Growth> growths, String figure) {
        return growths.stream().filter(g -> g.figure().equals(figure)).findFirst().orElseThrow();
    }

    @Test
    void defaultsAreTheIssuesFigures() {
        assertEquals(200, Soak.DEFAULT_EPOCHS);
        assertEquals(10, Soak.DEFAULT_EVERY);
        assertEquals(20, Soak.DEFAULT_WARMUP_EPOCHS);
        assertEquals(150, Soak.DEFAULT_MODELS);
        assertEquals(50, Soak.DEFAULT_WARMUP_MODELS, "100 models are judged after warm-up");
        assertEquals(0.05, Soak.DEFAULT_MAX_GROWTH);
        assertEquals(1 << 20, MemoryGrowth.NOISE_BYTES);
    }

    @Test
    void growthIsLastOverFirstAndMaxGrowthIsMaxOverFirst() {
        List<MemoryGrowth.Growth> g = MemoryGrowth.of(List.of(sample("a", 100, 200), sample("b", 130, 260), sample("c", 104, 208)));
        MemoryGrowth.Growth outside = growthOf(g, "RSS outside heap");
        assertEquals(0.04, outside.growth(), 1e-12);
        assertEquals(0.30, outside.maxGrowth(), 1e-12);
        assertEquals(200 * MIB, outside.first());
        assertEquals(208 * MIB, outside.last());
        assertEquals(260 * MIB, outside.max());
        assertTrue(outside.within(0.05));
        assertFalse(outside.within(0.03));
        assertEquals(MemorySample.FIGURES.size(), g.size());
    }

    @Test
    void growthWithinTheNoiseFloorPassesWhateverThePercentage() {
        MemorySample small = new MemorySample("a", 0, 0, 0, 0, 100_000, 0, 0, 0);
        MemorySample doubled = new MemorySample("b", 0, 0, 0, 0, 200_000, 0, 0, 0);
        MemoryGrowth.Growth javacpp = growthOf(MemoryGrowth.of(List.of(small, doubled)), "JavaCPP");
        assertEquals(1.0, javacpp.growth(), 1e-12);
        assertTrue(javacpp.within(0.05), "100 kB more is below the 1 MiB floor");
        MemoryGrowth.Growth big = growthOf(MemoryGrowth.of(List.of(sample("a", 10, 10), sample("b", 12, 12))), "RSS outside heap");
        assertFalse(big.within(0.05), "2 MiB and 20% is growth");
    }

    @Test
    void shownFiguresNeverFailButJudgedOnesDo() {
        List<MemoryGrowth.Growth> g = MemoryGrowth.of(List.of(sample("a", 100, 100), sample("b", 200, 100)));
        assertTrue(growthOf(g, "heap used").within(0.05), "the heap in use rises between collections: shown, not judged");
        assertTrue(growthOf(g, "RSS").within(0.05), "resident memory includes newly touched heap pages: shown, not judged");
        assertTrue(growthOf(g, "heap after GC").within(0.05), "holds promoted garbage after young collections: shown, not judged");
        assertFalse(growthOf(g, "heap committed").within(0.05));
        assertTrue(growthOf(g, "RSS outside heap").within(0.05));
    }

    @Test
    void theLiveHeapIsJudgedBetweenItsTwoMeasurements() {
        MemoryGrowth.Growth live = MemoryGrowth.between("live heap (full GC)", 20 * MIB, 22 * MIB);
        assertEquals(0.1, live.growth(), 1e-12);
        assertEquals(22 * MIB, live.max());
        assertFalse(live.within(0.05));
        assertTrue(MemoryGrowth.between("live heap (full GC)", 20 * MIB, 19 * MIB).within(0.05));
    }

    @Test
    void missingFiguresAndMissingSamples() {
        assertEquals(0, MemoryGrowth.ratio(5, -1), "a figure this platform lacks (-1) never grows");
        assertEquals(0.5, MemoryGrowth.ratio(150, 100), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> MemoryGrowth.of(List.of()));
    }

    @Test
    void tablesShowMiBAndPercentages() {
        List<MemorySample> samples = List.of(sample("epoch 20", 100, 200), sample("epoch 30", 101, 203));
        String table = MemoryGrowth.table(samples);
        assertTrue(table.contains("| epoch 30 | 101.0 | 101.0 | 101.0 | 101.0 | 101.0 | 101.0 | 101.0 | 203.0 |"), table);
        String growth = MemoryGrowth.growthTable(MemoryGrowth.of(samples), 0.05);
        assertTrue(growth.contains("| RSS outside heap | 200.0 | 203.0 | 203.0 | +1.5% | +1.5% | yes |"), growth);
        assertTrue(growth.contains("| heap used | 100.0 | 101.0 | 101.0 | +1.0% | +1.0% | (shown) |"), growth);
    }

    @Test
    void heapRangeIsTheSmallestAndLargestAddressReported() {
        long[] range = ResidentMemory.rangeOf(" garbage-first heap   total 397312K, used 7633K [0x0000000687400000, 0x0000000800000000)\n"
                + "  region size 4096K, 1 young (4096K), 0 survivors (0K)\n");
        assertEquals(0x687400000L, range[0]);
        assertEquals(0x800000000L, range[1]);
        assertEquals(null, ResidentMemory.rangeOf("no addresses"));
    }
}
