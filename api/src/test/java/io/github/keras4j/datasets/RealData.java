package io.github.keras4j.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The real dataset files, found the way the library finds them ({@link DatasetFolder}: the setting, else
 * the default folder, downloading what is missing).
 */
final class RealData {
    private RealData() {
    }

    /** A file of the MNIST test split, made present by the library itself if needed. */
    static Path mnist(String name) {
        Mnist.loadTestData();
        return DatasetFolder.resolve().resolve(Mnist.FOLDER).resolve(name);
    }

    /** Makes Fashion-MNIST's training files present (downloading them if needed), for tests that load them in another JVM. */
    static void fashionTrainingPresent() {
        FashionMnist.loadData();
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The decompressed content, decoded by the JDK's own gzip reader: an oracle independent of ours. */
    static byte[] gunzip(Path file) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
