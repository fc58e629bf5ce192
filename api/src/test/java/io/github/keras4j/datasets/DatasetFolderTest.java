package io.github.keras4j.datasets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DatasetFolderTest {
    @TempDir
    Path dir;

    @Test
    void documentedNames() {
        assertEquals("keras4j.datasets", DatasetFolder.PROPERTY);
        assertEquals("KERAS4J_DATASETS", DatasetFolder.ENVIRONMENT_VARIABLE);
        assertEquals(".keras4j/datasets", DatasetFolder.DEFAULT_FOLDER);
    }

    @Test
    void propertyComesFirstThenEnvironmentThenHome() throws IOException {
        Path a = Files.createDirectory(dir.resolve("a"));
        Path b = Files.createDirectory(dir.resolve("b"));
        Path home = dir.resolve("home");
        Map<String, String> props = Map.of("keras4j.datasets", a.toString());
        Map<String, String> env = Map.of("KERAS4J_DATASETS", b.toString());
        assertEquals(a, DatasetFolder.resolve(props::get, env::get, home));
        assertEquals(b, DatasetFolder.resolve(k -> null, env::get, home));
        assertEquals(home.resolve(".keras4j/datasets"), DatasetFolder.resolve(k -> null, k -> null, home));
    }

    @Test
    void blankSettingCountsAsUnset() throws IOException {
        Path b = Files.createDirectory(dir.resolve("b"));
        Map<String, String> env = Map.of("KERAS4J_DATASETS", b.toString());
        assertEquals(b, DatasetFolder.resolve(k -> "  ", env::get, dir));
        assertEquals(dir.resolve(".keras4j/datasets"), DatasetFolder.resolve(k -> "", k -> "", dir));
    }

    @Test
    void missingFolderFromTheSettingIsAClearError() {
        Path missing = dir.resolve("nope");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DatasetFolder.resolve(k -> null, Map.of("KERAS4J_DATASETS", missing.toString())::get, dir));
        assertEquals("The datasets folder " + missing + " (from the environment variable KERAS4J_DATASETS) does not"
                + " exist. Create it, or point the setting at the folder that holds mnist/ and fashion-mnist/.",
                e.getMessage());
    }

    @Test
    void fileInsteadOfFolderIsAClearError() throws IOException {
        Path file = Files.createFile(dir.resolve("file"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DatasetFolder.resolve(Map.of("keras4j.datasets", file.toString())::get, k -> null, dir));
        assertEquals("The datasets folder " + file + " (from the system property keras4j.datasets) is a file, not a"
                + " folder. Point the setting at the folder that holds mnist/ and fashion-mnist/.", e.getMessage());
    }

    @Test
    void downloadsCreateTheDatasetFolderInsideAnExistingRoot() throws IOException {
        URI offline = LocalMirror.refusingOrigin();
        assertThrows(java.io.UncheckedIOException.class, () -> Mnist.DATASET.loadTest(dir, offline));
        assertEquals(true, Files.isDirectory(dir.resolve("mnist")));
    }

    @Test
    void malformedMirrorSettingIsAClearError() {
        String old = System.getProperty(Mnist.ORIGIN_PROPERTY);
        System.setProperty(Mnist.ORIGIN_PROPERTY, "ftp://example.org/mnist");
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, Mnist.DATASET::origin);
            assertEquals("The system property keras4j.datasets.mnist.origin must be the base URL of a mirror of MNIST,"
                    + " like https://storage.googleapis.com/cvdf-datasets/mnist/, but is 'ftp://example.org/mnist'"
                    + " (the scheme must be http or https: ftp://example.org/mnist/).", e.getMessage());
        } finally {
            if (old == null) {
                System.clearProperty(Mnist.ORIGIN_PROPERTY);
            } else {
                System.setProperty(Mnist.ORIGIN_PROPERTY, old);
            }
        }
        assertEquals(java.net.URI.create(Mnist.ORIGIN), Mnist.DATASET.origin());
    }
}
