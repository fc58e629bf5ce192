package io.github.keras4j.initializers;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.random.SeedGenerator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Seeded initializers repeat; unseeded ones follow the global seed. */
class SeedingTest {
    private static final List<LongFunction<Initializer>> SEEDED = List.of(
            GlorotUniform::new, GlorotNormal::new, HeUniform::new, HeNormal::new, LecunUniform::new, LecunNormal::new,
            seed -> new VarianceScaling(0.5, VarianceScaling.Mode.FAN_OUT, VarianceScaling.Distribution.UNTRUNCATED_NORMAL, seed),
            seed -> new RandomNormal(0, 1, seed), seed -> new RandomUniform(-1, 1, seed), seed -> new TruncatedNormal(0, 1, seed));

    private static final List<Supplier<Initializer>> UNSEEDED = List.of(
            GlorotUniform::new, GlorotNormal::new, HeUniform::new, HeNormal::new, LecunUniform::new, LecunNormal::new,
            VarianceScaling::new, RandomNormal::new, RandomUniform::new, TruncatedNormal::new);

    private static double[] draw(Initializer init) {
        return NativeMemory.read(init.initialize(new long[] {7, 5}, DataType.DOUBLE));
    }

    @Test
    void sameSeedSameValuesEveryCall() {
        for (LongFunction<Initializer> make : SEEDED) {
            Initializer a = make.apply(42);
            assertEquals(42L, a.seed());
            double[] first = draw(a);
            assertArrayEquals(first, draw(a), a + " called twice");
            assertArrayEquals(first, draw(make.apply(42)), a + " made twice");
            assertFalse(java.util.Arrays.equals(first, draw(make.apply(43))), a + " with another seed");
        }
    }

    @Test
    void unseededDrawsAreReproducibleAfterSetGlobalSeed() {
        for (Supplier<Initializer> make : UNSEEDED) {
            Initializer init = make.get();
            assertNull(init.seed());
            SeedGenerator.setGlobalSeed(7);
            double[] first = draw(init);
            double[] second = draw(init);
            assertFalse(java.util.Arrays.equals(first, second), init + ": each unseeded call draws anew");
            SeedGenerator.setGlobalSeed(7);
            assertArrayEquals(first, draw(make.get()), init + ": first draw after setGlobalSeed(7)");
            assertArrayEquals(second, draw(init), init + ": second draw after setGlobalSeed(7)");
        }
    }

    @Test
    void constantInitializersDoNotShiftTheSequence() {
        SeedGenerator.setGlobalSeed(11);
        double[] expected = draw(new GlorotUniform());
        SeedGenerator.setGlobalSeed(11);
        new Zeros().initialize(new long[] {3}, DataType.DOUBLE);
        new Ones().initialize(new long[] {3}, DataType.DOUBLE);
        new Constant(2).initialize(new long[] {3}, DataType.DOUBLE);
        assertArrayEquals(expected, draw(new GlorotUniform()));
    }

    @Test
    void float32HoldsTheFloat64DrawRounded() {
        INDArray f = new HeNormal(5).initialize(new long[] {4, 6}, DataType.FLOAT);
        assertEquals(DataType.FLOAT, f.dataType());
        double[] d = NativeMemory.read(new HeNormal(5).initialize(new long[] {4, 6}, DataType.DOUBLE));
        double[] rounded = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            rounded[i] = (float) d[i];
        }
        assertArrayEquals(rounded, NativeMemory.read(f));
    }
}
