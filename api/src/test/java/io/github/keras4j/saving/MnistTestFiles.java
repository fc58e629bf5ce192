package io.github.keras4j.saving;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The 10,000 MNIST test images and labels, read from the IDX {@code .gz} files in the data folder
 * ({@code keras4j.datasets} / {@code KERAS4J_DATASETS}, subfolder {@code mnist}); tests skip without them.
 */
final class MnistTestFiles {
    /** Images [10000, 28, 28] as float32 pixel values 0..255, and the labels. */
    record TestSet(INDArray images, int[] labels) {
    }

    private static TestSet cached;

    private MnistTestFiles() {
    }

    static synchronized TestSet load() throws IOException {
        if (cached != null) {
            return cached;
        }
        String setting = System.getProperty("keras4j.datasets", System.getenv("KERAS4J_DATASETS"));
        assumeTrue(setting != null && !setting.isBlank(),
                "MNIST not configured: set keras4j.datasets or KERAS4J_DATASETS to the data folder");
        Path folder = Path.of(setting, "mnist");
        Path images = folder.resolve("t10k-images-idx3-ubyte.gz");
        Path labels = folder.resolve("t10k-labels-idx1-ubyte.gz");
        assumeTrue(Files.isRegularFile(images) && Files.isRegularFile(labels), "MNIST test files not found in " + folder);
        cached = new TestSet(readImages(images), readLabels(labels));
        return cached;
    }

    private static INDArray readImages(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            if (in.readInt() != 2051) {
                throw new IOException(file + " is not an IDX image file");
            }
            int n = in.readInt(), rows = in.readInt(), cols = in.readInt();
            byte[] pixels = in.readNBytes(n * rows * cols);
            float[] values = new float[pixels.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = pixels[i] & 0xff;
            }
            return Nd4j.create(values, new long[] {n, rows, cols}, DataType.FLOAT);
        }
    }

    private static int[] readLabels(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            if (in.readInt() != 2049) {
                throw new IOException(file + " is not an IDX label file");
            }
            int n = in.readInt();
            byte[] bytes = in.readNBytes(n);
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = bytes[i] & 0xff;
            }
            return labels;
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        return new DataInputStream(new GZIPInputStream(raw, 1 << 16));
    }
}
