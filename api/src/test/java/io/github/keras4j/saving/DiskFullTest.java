package io.github.keras4j.saving;

import io.github.keras4j.engine.LayerStack;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.random.SeedGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A save onto a full disk: the message names the file, says the disk is full and that the file is unchanged,
 * and the old file and the folder are as before. The real test mounts a 3 MB tmpfs, which needs root; without
 * root it says so on stderr and in the skip reason, and the simulated disk-full test below still runs.
 */
class DiskFullTest {
    @TempDir
    Path dir;
    private Path mounted;

    /** 4 x 500 x 500 float32 values: 4 MB of weights, more than the 3 MB disk holds. */
    private static ModelDescription large() {
        SeedGenerator.setGlobalSeed(5);
        LayerStack stack = TestModels.stack(List.of(new Dense(500).inputShape(500), new Dense(500), new Dense(500), new Dense(500)));
        return TestModels.describe(stack, null, null);
    }

    @Test
    void aFullTmpfsNamesTheFileAndKeepsTheOldOne() throws Exception {
        Path disk = mountSmallTmpfs();
        Path file = disk.resolve("model.keras");
        Saving.saveModel(SaveTargetTest.model(1), file);
        byte[] before = Files.readAllBytes(file);

        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Saving.saveModel(large(), file));

        assertEquals("Could not save " + file + ": the disk that holds " + disk + " is full (No space left on device); free some"
                + " space on it or save elsewhere. Any previous file there is unchanged.", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of(file), SaveTargetTest.listing(disk), "no temporary file is left to fill the disk");

        Path weights = disk.resolve("model.weights.h5");
        UncheckedIOException w = assertThrows(UncheckedIOException.class, () -> Saving.saveWeights(large(), weights));
        assertTrue(w.getMessage().contains(": the disk that holds " + disk + " is full (No space left on device)"), w.getMessage());
        assertTrue(w.getMessage().endsWith(". Any previous file there is unchanged."), w.getMessage());
        assertTrue(SaveTargetTest.keras4jTemporaries(disk).isEmpty());
    }

    @Test
    void aSimulatedFullDiskGivesTheSameMessage() throws IOException {
        Path file = dir.resolve("model.keras");
        Saving.saveModel(SaveTargetTest.model(1), file);
        byte[] before = Files.readAllBytes(file);
        AtomicFile full = new AtomicFile((temporary, target) -> {
            throw new IOException("No space left on device");
        });
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Saving.saveModel(SaveTargetTest.model(2), file, full));
        assertEquals("Could not save " + file + ": the disk that holds " + dir + " is full (No space left on device); free some"
                + " space on it or save elsewhere. Any previous file there is unchanged.", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of(file), SaveTargetTest.listing(dir));
    }

    private Path mountSmallTmpfs() throws Exception {
        boolean root = "0".equals(run("id", "-u").trim());
        if (!root) {
            String why = "DiskFullTest.aFullTmpfsNamesTheFileAndKeepsTheOldOne NOT RUN: mounting a tmpfs needs root, and this JVM runs as "
                    + System.getProperty("user.name") + ". The simulated disk-full test still ran; run the suite as root to test a real full disk.";
            System.err.println("WARNING: " + why);
            assumeTrue(false, why);
        }
        Path point = Files.createDirectory(dir.resolve("tmpfs"));
        String out = run("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", point.toString());
        assertTrue(Files.getFileStore(point).type().equals("tmpfs"), "mount failed: " + out);
        mounted = point;
        return point;
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            String out = run("umount", mounted.toString());
            assertTrue(out.isBlank(), "umount " + mounted + ": " + out);
        }
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), String.join(" ", command) + " timed out");
        return out;
    }
}
