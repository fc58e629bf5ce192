package io.github.keras4j.examples.data;

import io.github.keras4j.datasets.Mnist;
import io.github.keras4j.datasets.TestData;
import io.github.keras4j.datasets.TrainTestData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ExampleDataTest {
    @Test
    void permutationIsCollectionsShuffleWithRandom42() {
        // The first indices of the reference harnesses' published permutation (mnist10k_perm_seed42.txt).
        int[] p = ExampleData.permutation(10000, 42);
        assertArrayEquals(new int[] {8380, 4965, 8428, 5565, 2252, 8073, 919, 6841}, Arrays.copyOf(p, 8));
        assertEquals(10000, Arrays.stream(p).distinct().count(), "a permutation");
    }

    @Test
    void mnist10kSplitsTheTestSetEightThousandToTwoThousand() {
        TrainTestData d = ExampleData.mnist10k();
        assertArrayEquals(new long[] {8000, 28, 28}, d.xTrain().shape());
        assertArrayEquals(new long[] {8000}, d.yTrain().shape());
        assertArrayEquals(new long[] {2000, 28, 28}, d.xTest().shape());
        assertArrayEquals(new long[] {2000}, d.yTest().shape());
        TestData original = Mnist.loadTestData();
        // Row 0 of the training part is original image 8380; the first test row is the permutation's 8001st.
        int firstTest = ExampleData.permutation(10000, 42)[8000];
        assertEquals(original.xTest().get(NDArrayIndex.point(8380)).castTo(d.xTrain().dataType()),
                d.xTrain().get(NDArrayIndex.point(0)));
        assertEquals(original.yTest().getDouble(firstTest), d.yTest().getDouble(0));
    }
}
