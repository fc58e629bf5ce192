package io.github.keras4j.examples.data;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.datasets.FashionMnist;
import io.github.keras4j.datasets.Mnist;
import io.github.keras4j.datasets.TestData;
import io.github.keras4j.datasets.TrainTestData;
import io.github.keras4j.examples.DatasetChoice;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.UncheckedIOException;
import java.util.Random;

/**
 * The datasets the examples and the benchmark train on, as Keras' {@code load_data()} returns them:
 * images {@code [N, 28, 28]} and labels {@code [N]}, pixel values 0..255.
 *
 * <p>{@code mnist-10k} is the official MNIST test set split {@value #MNIST_10K_TRAIN} train /
 * {@value #MNIST_10K_TEST} test: small, quick, and available offline. The split is the one the reference
 * harnesses use, so results compare directly: the indices 0..9999 permuted by Fisher-Yates with
 * {@code java.util.Random(}{@value #MNIST_10K_SEED}{@code )} ({@code Collections.shuffle}'s algorithm), the
 * first 8,000 for training and the last 2,000 for testing.
 */
public final class ExampleData {
    public static final int MNIST_10K_TRAIN = 8000;
    public static final int MNIST_10K_TEST = 2000;
    public static final long MNIST_10K_SEED = 42;
    /** What the command line suggests when only MNIST's test files are available: {@value}. */
    public static final String MNIST_10K_HINT = "The MNIST test files are there: run with --dataset mnist-10k to train on 8,000"
            + " of their images and test on the other 2,000 (the split of the README's tables).";

    private ExampleData() {
    }

    /** The data for a {@code --dataset} choice. */
    public static TrainTestData load(DatasetChoice choice) {
        return switch (choice) {
            case MNIST -> mnistOrHint();
            case FASHION_MNIST -> FashionMnist.loadData();
            case MNIST_10K -> mnist10k();
        };
    }

    /**
     * Full MNIST, or, when it cannot be had but its test files can (the usual offline setup, and the shared data
     * folder holds only those), the library's message with the hint a command-line user needs: the library's own
     * hint names a method call, {@code Mnist.loadTestData()}, where the command line has {@code --dataset mnist-10k}.
     */
    static TrainTestData mnistOrHint() {
        try {
            return Mnist.loadData();
        } catch (UncheckedIOException e) {
            if (!testSplitLoads()) {
                throw e;
            }
            String message = e.getMessage();
            int libraryHint = message.indexOf(" The test files are there: ");
            throw new UncheckedIOException((libraryHint < 0 ? message : message.substring(0, libraryHint)) + " " + MNIST_10K_HINT,
                    e.getCause());
        }
    }

    private static boolean testSplitLoads() {
        try {
            Mnist.loadTestData();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The MNIST test set split 8,000 / 2,000 as described above; float32 arrays with the original pixel values. */
    public static TrainTestData mnist10k() {
        TestData test = Mnist.loadTestData();
        int[] order = permutation((int) test.xTest().size(0), MNIST_10K_SEED);
        INDArray x = test.xTest().castTo(DataType.FLOAT);
        INDArray y = test.yTest().castTo(DataType.FLOAT);
        return new TrainTestData(rows(x, order, 0, MNIST_10K_TRAIN), rows(y, order, 0, MNIST_10K_TRAIN),
                rows(x, order, MNIST_10K_TRAIN, MNIST_10K_TEST), rows(y, order, MNIST_10K_TRAIN, MNIST_10K_TEST));
    }

    /** 0..n-1 shuffled by Fisher-Yates with {@code java.util.Random(seed)}: for i = n-1..1 swap(i, nextInt(i + 1)). */
    static int[] permutation(int n, long seed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static INDArray rows(INDArray source, int[] order, int from, int count) {
        long[] shape = source.shape().clone();
        shape[0] = count;
        INDArray out = Nd4j.create(source.dataType(), shape, 'c');
        NativeMemory.gatherRows(source, order, from, count, out);
        return out;
    }
}
