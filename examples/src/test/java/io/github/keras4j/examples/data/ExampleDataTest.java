package io.github.keras4j.examples.data;

import io.github.keras4j.datasets.DatasetFolder;
import io.github.keras4j.datasets.Mnist;
import io.github.keras4j.datasets.TestData;
import io.github.keras4j.datasets.TrainTestData;
import io.github.keras4j.examples.DatasetChoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExampleDataTest {
    @Test
    void permutationIsCollectionsShuffleWithRandom42() {
        // The first indices of the reference harnesses' published permutation (mnist10k_perm_seed42.txt).
        int[] p = ExampleData.permutation(10000, 42);
        assertArrayEquals(new int[] {8380, 4965, 8428, 5565, 2252, 8073, 919, 6841}, Arrays.copyOf(p, 8));
        assertEquals(10000, Arrays.stream(p).distinct().count(), "a permutation");
    }

    @Test
    void fullMnistOfflineWithOnlyTheTestFilesSuggestsTheCommandLinesMnist10k(@TempDir Path root) throws IOException {
        Path folder = Files.createDirectories(root.resolve(Mnist.FOLDER));
        Path real = DatasetFolder.resolve().resolve(Mnist.FOLDER);
        Mnist.loadTestData(); // the test files, from the configured folder
        for (String name : new String[] {"t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"}) {
            Files.copy(real.resolve(name), folder.resolve(name));
        }
        String oldFolder = System.setProperty(DatasetFolder.PROPERTY, root.toString());
        String oldOrigin = System.setProperty(Mnist.ORIGIN_PROPERTY, "http://127.0.0.1:9/");
        try {
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> ExampleData.load(DatasetChoice.MNIST));
            assertTrue(e.getMessage().startsWith("Cannot load MNIST: the folder " + folder + " lacks train-images-idx3-ubyte.gz,"),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith(". The MNIST test files are there: run with --dataset mnist-10k to train on 8,000 of"
                    + " their images and test on the other 2,000 (the split of the README's tables)."), e.getMessage());
            assertFalse(e.getMessage().contains("loadTestData()"), "no library call for a command-line user: " + e.getMessage());
        } finally {
            restore(DatasetFolder.PROPERTY, oldFolder);
            restore(Mnist.ORIGIN_PROPERTY, oldOrigin);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
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
