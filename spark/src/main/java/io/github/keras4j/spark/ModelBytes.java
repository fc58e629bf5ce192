package io.github.keras4j.spark;

import io.github.keras4j.models.Models;
import io.github.keras4j.models.Sequential;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model as the bytes of its {@code .keras} file: what the driver broadcasts to the executors. The file keeps
 * layers, weights, the compile settings and the optimizer's state, so an executor continues training exactly
 * where the driver stands; no Java serialization of keras4j objects is involved.
 */
final class ModelBytes {
    private ModelBytes() {
    }

    static byte[] of(Sequential model) throws IOException {
        Path file = Files.createTempFile("keras4j-spark-", ".keras");
        try {
            Files.delete(file); // save writes beside the target and renames into place
            model.save(file);
            return Files.readAllBytes(file);
        } finally {
            deleteQuietly(file);
        }
    }

    static Sequential load(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("keras4j-spark-", ".keras");
        try {
            Files.write(file, bytes);
            return Models.load(file);
        } finally {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file left behind is harmless
        }
    }
}
