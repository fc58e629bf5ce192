package io.github.keras4j.saving;

import io.github.keras4j.engine.LayerStack;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.random.SeedGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where a save writes and with what permissions: devices, FIFOs and folders are refused, symbolic links are
 * written through, an existing file's mode is kept and a new file gets the umask's.
 */
class SaveTargetTest {
    @TempDir
    Path dir;

    static ModelDescription model(long seed) {
        SeedGenerator.setGlobalSeed(seed);
        LayerStack stack = TestModels.stack(List.of(new Dense(3, "relu").inputShape(4), new Dense(2)));
        return TestModels.describe(stack, null, null);
    }

    @Test
    void devNullIsRefusedAndStaysADevice() throws IOException {
        Path devNull = Path.of("/dev/null");
        assertTrue(Files.exists(devNull), "this test needs /dev/null");
        IllegalArgumentException named = assertThrows(IllegalArgumentException.class, () -> Saving.saveModel(model(1), devNull));
        assertTrue(named.getMessage().startsWith("Cannot save model 'sequential' as '/dev/null': the file name must end in .keras"),
                named.getMessage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AtomicFile.DEFAULT.write(devNull, temporary -> Files.write(temporary, new byte[] {1})));
        assertEquals("Cannot save to /dev/null: it is a character device, not a regular file; a save would replace it with a"
                + " regular file. Nothing was written; save to a file path instead.", e.getMessage());
        assertFalse(Files.isRegularFile(devNull), "/dev/null is still a device");
        assertEquals(0020000, ((Integer) Files.getAttribute(devNull, "unix:mode")) & 0170000, "a character device");
        assertEquals(List.of(), keras4jTemporaries(Path.of("/dev")), "nothing written beside it");
    }

    @Test
    void fifoIsRefusedAndStaysAFifo() throws Exception {
        Path fifo = dir.resolve("model.keras");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        assertTrue(mkfifo.waitFor(30, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Saving.saveModel(model(1), fifo));
        assertEquals("Cannot save to " + fifo + ": it is a FIFO (named pipe), not a regular file; a save would replace it"
                + " with a regular file. Nothing was written; save to a file path instead.", e.getMessage());
        assertFalse(Files.isRegularFile(fifo));
        assertEquals(List.of(fifo), listing(dir));
    }

    @Test
    void folderIsRefused() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("model.keras"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Saving.saveModel(model(1), folder));
        assertTrue(e.getMessage().startsWith("Cannot save to " + folder + ": it is a folder, not a regular file"), e.getMessage());
        assertTrue(Files.isDirectory(folder));
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAtomicallyBesideItsTarget() throws IOException {
        Path models = Files.createDirectory(dir.resolve("models"));
        Path links = Files.createDirectory(dir.resolve("links"));
        Path real = models.resolve("mnist.keras");
        Saving.saveModel(model(1), real);
        Path link = Files.createSymbolicLink(links.resolve("latest.keras"), Path.of("..", "models", "mnist.keras"));
        AtomicFile watching = new AtomicFile((temporary, target) -> {
            assertEquals(models, temporary.getParent(), "the temporary is beside the link's target");
            assertEquals(real, target);
        });

        ModelDescription second = model(2);
        Saving.saveModel(second, link, watching);

        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertEquals(Path.of("..", "models", "mnist.keras"), Files.readSymbolicLink(link));
        RoundTripTest.assertWeightsEqual(second.layers(), Saving.loadModel(real).layers());
        assertEquals(List.of(links.resolve("latest.keras")), listing(links));
        assertEquals(List.of(real), listing(models));
    }

    @Test
    void aDanglingLinkCreatesItsTarget() throws IOException {
        Path real = dir.resolve("new.keras");
        Path link = Files.createSymbolicLink(dir.resolve("link.keras"), real.getFileName());
        Saving.saveModel(model(3), link);
        assertTrue(Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void aLinkToADeviceIsRefused() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("sink.keras"), Path.of("/dev/null"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Saving.saveModel(model(1), link));
        assertEquals("Cannot save to " + link + ": it is a symbolic link to /dev/null, which is a character device, not a regular"
                + " file; a save would replace it with a regular file. Nothing was written; save to a file path instead.", e.getMessage());
    }

    @Test
    void aReplacedFileKeepsItsModeAndANewFileGetsTheUmasks() throws IOException {
        Set<PosixFilePermission> umasks = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain")));
        Path model = dir.resolve("m.keras");
        Saving.saveModel(model(1), model);
        assertEquals(umasks, Files.getPosixFilePermissions(model), "a new .keras file gets the umask's permissions");
        Path weights = dir.resolve("m.weights.h5");
        Saving.saveWeights(model(1), weights);
        assertEquals(umasks, Files.getPosixFilePermissions(weights), "a new weights file too");

        Set<PosixFilePermission> shared = PosixFilePermissions.fromString("rw-rw-r--");
        Set<PosixFilePermission> secret = PosixFilePermissions.fromString("rw-------");
        Files.setPosixFilePermissions(model, shared);
        Files.setPosixFilePermissions(weights, secret);
        Saving.saveModel(model(2), model);
        Saving.saveWeights(model(2), weights);
        assertEquals(shared, Files.getPosixFilePermissions(model), "the old file's mode is kept");
        assertEquals(secret, Files.getPosixFilePermissions(weights));
    }

    static List<Path> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    static List<Path> keras4jTemporaries(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().startsWith(".") && p.getFileName().toString().contains(Temporaries.MARKER)).sorted().toList();
        }
    }
}
