package io.github.keras4j.datasets;

import io.github.keras4j.SystemProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Downloads from a mirror on the loopback interface: success, checksum mismatch, offline, stalls. */
class DatasetDownloadTest {
    private static final String IMAGES = "t10k-images-idx3-ubyte.gz";
    private static final String LABELS = "t10k-labels-idx1-ubyte.gz";

    @TempDir
    Path root;

    @Test
    void downloadsMissingFilesVerifiesThemAndKeepsThem() throws IOException {
        try (LocalMirror mirror = canonicalMirror()) {
            TestData data = Mnist.DATASET.loadTest(root, mirror.origin());
            assertEquals(Mnist.loadTestData(), data);
            Path folder = root.resolve("mnist");
            assertEquals(List.of(IMAGES, LABELS), listing(folder), "the two files and nothing else (no .part files)");
            assertEquals(Mnist.TEST_IMAGES.sha256(), sha256(folder.resolve(IMAGES)));
            assertEquals(Mnist.TEST_LABELS.sha256(), sha256(folder.resolve(LABELS)));
            assertEquals(2, mirror.requests());

            Mnist.DATASET.loadTest(root, mirror.origin());
            assertEquals(2, mirror.requests(), "cached files are not downloaded again");
        }
    }

    @Test
    void systemPropertiesChooseTheFolderAndTheMirror() {
        try (LocalMirror mirror = canonicalMirror()) {
            String origin = mirror.origin().toString();
            Map<String, String> settings = Map.of(DatasetFolder.PROPERTY, root.toString(),
                    Mnist.ORIGIN_PROPERTY, origin.substring(0, origin.length() - 1));
            SystemProperties.with(settings, () -> {
                assertEquals(URI.create(origin), Mnist.DATASET.origin(), "a missing final '/' is added");
                TestData data = Mnist.loadTestData();
                assertArrayEquals(new long[] {10_000, 28, 28}, data.xTest().shape());
            });
            assertEquals(2, mirror.requests());
            assertTrue(Files.isRegularFile(root.resolve("mnist").resolve(IMAGES)));
        }
    }

    @Test
    void checksumMismatchDiscardsTheDownload() {
        byte[] images = RealData.bytes(RealData.mnist(IMAGES));
        images[images.length / 2] ^= 1;
        try (LocalMirror mirror = new LocalMirror().serve(IMAGES, images)) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class,
                    () -> Mnist.DATASET.loadTest(root, mirror.origin()));
            Path folder = root.resolve("mnist");
            assertTrue(e.getMessage().startsWith("Cannot load MNIST: the folder " + folder + " lacks " + IMAGES + ", "
                    + LABELS + ", and the download failed: checksum mismatch for " + mirror.origin() + IMAGES
                    + ": its SHA-256 is " + sha256(images) + ", expected " + Mnist.TEST_IMAGES.sha256()
                    + "; the download was discarded"), e.getMessage());
            assertEquals(List.of(), listing(folder), "nothing is left in the cache");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void offlineErrorNamesTheFolderAndTheExpectedFiles() throws IOException {
        URI offline = LocalMirror.refusingOrigin();
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Mnist.DATASET.loadTest(root, offline));
        Path folder = root.resolve("mnist");
        String message = e.getMessage();
        assertTrue(message.startsWith("Cannot load MNIST: the folder " + folder + " lacks " + IMAGES + ", " + LABELS
                + ", and the download failed: cannot reach " + offline + IMAGES + " ("), message);
        assertTrue(message.endsWith("Connect to the internet, copy the files into that folder by hand, point"
                + " KERAS4J_DATASETS (or -Dkeras4j.datasets) at a folder that holds mnist/ with them, or set the"
                + " system property keras4j.datasets.mnist.origin to a reachable mirror."), message);
        assertEquals(List.of(), listing(folder));
    }

    @Test
    void loadDataWhereOnlyTheTestFilesExistFailsNamingTheTrainingFiles() throws IOException {
        Path folder = Files.createDirectories(root.resolve("mnist"));
        Files.copy(RealData.mnist(IMAGES), folder.resolve(IMAGES));
        Files.copy(RealData.mnist(LABELS), folder.resolve(LABELS));
        URI offline = LocalMirror.refusingOrigin();
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Mnist.DATASET.load(root, offline));
        assertTrue(e.getMessage().startsWith("Cannot load MNIST: the folder " + folder
                + " lacks train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, and the download failed: cannot reach "
                + offline + "train-images-idx3-ubyte.gz"), e.getMessage());
        assertTrue(e.getMessage().endsWith(" The test files are there: Mnist.loadTestData() loads them alone."),
                e.getMessage());
        assertArrayEquals(new long[] {10_000, 28, 28}, Mnist.DATASET.loadTest(root, offline).xTest().shape());
    }

    @Test
    void httpErrorIsReported() {
        try (LocalMirror empty = new LocalMirror()) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class,
                    () -> Mnist.DATASET.loadTest(root, empty.origin()));
            assertTrue(e.getMessage().contains("the download failed: HTTP status 404 from " + empty.origin() + IMAGES),
                    e.getMessage());
            assertEquals(List.of(), listing(root.resolve("mnist")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void stalledDownloadIsAbandonedAndDiscarded() throws IOException {
        IdxDataset impatient = new IdxDataset("MNIST", "mnist", "Mnist", Mnist.ORIGIN, Mnist.ORIGIN_PROPERTY,
                Mnist.TRAIN_IMAGES, Mnist.TRAIN_LABELS, Mnist.TEST_IMAGES, Mnist.TEST_LABELS,
                new Downloader(new DownloadLimits(Duration.ofMillis(300), Duration.ofMinutes(2), 0, Duration.ofMinutes(2))));
        try (LocalMirror mirror = new LocalMirror().stall(IMAGES, RealData.bytes(RealData.mnist(IMAGES)))) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> impatient.loadTest(root, mirror.origin()));
            assertTrue(e.getMessage().contains("the download failed: no data for 300 ms from " + mirror.origin() + IMAGES
                    + " after "), e.getMessage());
            assertFalse(Thread.currentThread().isInterrupted(), "the watchdog's interrupt does not leak to the caller");
            assertEquals(List.of(), listing(root.resolve("mnist")));
        }
    }

    private static LocalMirror canonicalMirror() {
        try {
            return new LocalMirror()
                    .serve(IMAGES, RealData.bytes(RealData.mnist(IMAGES)))
                    .serve(LABELS, RealData.bytes(RealData.mnist(LABELS)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** File names in {@code folder}, hidden ones included, sorted; empty if it does not exist. */
    private static List<String> listing(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(Path file) {
        return sha256(RealData.bytes(file));
    }

    private static String sha256(byte[] content) {
        return HexFormat.of().formatHex(Downloader.sha256().digest(content));
    }
}
