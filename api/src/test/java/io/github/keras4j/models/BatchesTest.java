package io.github.keras4j.models;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import io.github.keras4j.random.SplitMixRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class BatchesTest {
    /** Sample i has features (i, i + 0.5) and label i, so every batch row tells which sample it is. */
    private static final int N = 10;
    private static final INDArray X = Nd4j.create(DataType.FLOAT, N, 2);
    private static final INDArray Y = Nd4j.create(DataType.FLOAT, N);

    static {
        for (int i = 0; i < N; i++) {
            X.putScalar(new long[] {i, 0}, i);
            X.putScalar(new long[] {i, 1}, i + 0.5);
            Y.putScalar(i, i);
        }
    }

    private static List<Integer> epochOrder(Batches batches) {
        batches.startEpoch();
        List<Integer> order = new ArrayList<>();
        for (int b = 0; b < batches.count(); b++) {
            INDArray x = batches.x(b);
            INDArray y = batches.y(b);
            assertEquals(batches.size(b), x.size(0));
            for (int r = 0; r < x.size(0); r++) {
                int sample = (int) y.getFloat(r);
                assertEquals(sample, x.getFloat(r, 0), 0);
                assertEquals(sample + 0.5, x.getFloat(r, 1), 0);
                order.add(sample);
            }
        }
        return order;
    }

    @Test
    void withoutShuffleBatchesFollowTheDataOrderIncludingTheLastPartialOne() {
        Batches batches = new Batches(X, Y, 4, false, new SplitMixRandom(1));
        assertEquals(3, batches.count());
        assertEquals(List.of(4, 4, 2), List.of(batches.size(0), batches.size(1), batches.size(2)));
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), epochOrder(batches));
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), epochOrder(batches));
    }

    @Test
    void withShuffleEachEpochIsANewPermutationOfAllSamples() {
        Batches batches = new Batches(X, Y, 4, true, new SplitMixRandom(1));
        List<Integer> first = epochOrder(batches);
        List<Integer> second = epochOrder(batches);
        assertEquals(N, new HashSet<>(first).size());
        assertEquals(N, new HashSet<>(second).size());
        assertNotEquals(first, second);
        assertNotEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), first);
    }

    @Test
    void theSameSeedGivesTheSameOrder() {
        assertEquals(epochOrder(new Batches(X, Y, 3, true, new SplitMixRandom(7))),
                epochOrder(new Batches(X, Y, 3, true, new SplitMixRandom(7))));
    }

    @Test
    void oneBatchOfEverySampleIsTheDataItself() {
        Batches batches = new Batches(X, Y, 64, true, new SplitMixRandom(1));
        assertEquals(1, batches.count());
        batches.startEpoch();
        assertSame(X, batches.x(0));
        assertSame(Y, batches.y(0));
    }
}
