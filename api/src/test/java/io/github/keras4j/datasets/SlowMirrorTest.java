package io.github.keras4j.datasets;

import io.github.keras4j.SystemProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mirrors that trickle: a byte now and then never trips the stall check, so the download must end on the
 * minimum rate or the deadline, with the {@code .part} file deleted and the caller's thread not interrupted.
 */
class SlowMirrorTest {
    private static final String IMAGES = "t10k-images-idx3-ubyte.gz";

    @TempDir
    Path root;

    private static IdxDataset mnistWith(DownloadLimits limits) {
        return new IdxDataset("MNIST", "mnist", "Mnist", Mnist.ORIGIN, Mnist.ORIGIN_PROPERTY,
                Mnist.TRAIN_IMAGES, Mnist.TRAIN_LABELS, Mnist.TEST_IMAGES, Mnist.TEST_LABELS, new Downloader(limits));
    }

    @Test
    void aTrickleBelowTheMinimumRateIsAbandonedAfterOneWindow() throws IOException {
        DownloadLimits limits = new DownloadLimits(Duration.ofSeconds(20), Duration.ofMinutes(2), 1000, Duration.ofMillis(600));
        try (LocalMirror mirror = new LocalMirror().trickle(IMAGES, new byte[10_000], 100)) {
            long start = System.nanoTime();
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> mnistWith(limits).loadTest(root, mirror.origin()));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(e.getMessage().contains("the download failed: " + mirror.origin() + IMAGES + " sent fewer than 600 bytes in 0.6 s,"
                    + " slower than the minimum of 1000 bytes/s (set by -Dkeras4j.download.minRate or KERAS4J_DOWNLOAD_MIN_RATE; 0 turns"
                    + " the check off); abandoned after "), e.getMessage());
            assertTrue(e.getMessage().contains(" of 10000 bytes. Connect to the internet"), e.getMessage());
            assertTrue(millis < 10_000, "abandoned after one window, not after the stall timeout: " + millis + " ms");
            assertFalse(Thread.currentThread().isInterrupted(), "the watchdog's interrupt does not leak to the caller");
            assertEquals(List.of(), listing(root.resolve("mnist")), "the .part file is deleted");
        }
    }

    @Test
    void theDeadlineEndsADownloadThatKeepsTheRate() throws IOException {
        DownloadLimits limits = new DownloadLimits(Duration.ofSeconds(20), Duration.ofMillis(800), 0, Duration.ofMinutes(2));
        try (LocalMirror mirror = new LocalMirror().trickle(IMAGES, new byte[10_000], 50)) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> mnistWith(limits).loadTest(root, mirror.origin()));
            assertTrue(e.getMessage().contains("the download failed: downloading " + mirror.origin() + IMAGES + " took longer than"
                    + " 0.8 s (set by -Dkeras4j.download.timeout or KERAS4J_DOWNLOAD_TIMEOUT, in seconds); abandoned after "), e.getMessage());
            assertFalse(Thread.currentThread().isInterrupted());
            assertEquals(List.of(), listing(root.resolve("mnist")));
        }
    }

    /** The case, through the public call and a system property: a byte every 5 s, a 2-second deadline. */
    @Test
    void mnistLoadTestDataOnAMirrorSendingAByteEvery5sEndsAtTheConfiguredDeadline() throws IOException {
        try (LocalMirror mirror = new LocalMirror().trickle(IMAGES, new byte[10_000], 5_000)) {
            Map<String, String> settings = Map.of(DatasetFolder.PROPERTY, root.toString(), Mnist.ORIGIN_PROPERTY, mirror.origin().toString(),
                    DownloadLimits.TIMEOUT_PROPERTY, "2");
            long start = System.nanoTime();
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> SystemProperties.with(settings, Mnist::loadTestData));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(e.getMessage().contains("took longer than 2 s (set by -Dkeras4j.download.timeout"), e.getMessage());
            assertTrue(millis >= 2_000 && millis < 15_000, millis + " ms");
            assertEquals(List.of(), listing(root.resolve("mnist")));
        }
    }

    @Test
    void staleDownloadsOfAKilledProcessAreRemovedBeforeTheNextDownload() throws IOException {
        Path folder = Files.createDirectories(root.resolve("mnist"));
        Path stale = Files.write(folder.resolve("." + IMAGES + ".keras4j-999999999-0badf00d.part"), new byte[100]);
        try (LocalMirror mirror = new LocalMirror()
                .serve(IMAGES, RealData.bytes(RealData.mnist(IMAGES)))
                .serve("t10k-labels-idx1-ubyte.gz", RealData.bytes(RealData.mnist("t10k-labels-idx1-ubyte.gz")))) {
            Mnist.DATASET.loadTest(root, mirror.origin());
        }
        assertFalse(Files.exists(stale));
        assertEquals(List.of(IMAGES, "t10k-labels-idx1-ubyte.gz").stream().sorted().toList(),
                listing(folder).stream().map(p -> p.getFileName().toString()).sorted().toList());
    }

    @Test
    void limitsComeFromPropertiesThenEnvironmentThenDefaults() {
        DownloadLimits defaults = DownloadLimits.fromSettings(k -> null, k -> null);
        assertEquals(Duration.ofSeconds(DownloadLimits.TIMEOUT_SECONDS), defaults.deadline());
        assertEquals(1800, DownloadLimits.TIMEOUT_SECONDS);
        assertEquals(DownloadLimits.MIN_BYTES_PER_SECOND, defaults.minBytesPerSecond());
        assertEquals(1024, DownloadLimits.MIN_BYTES_PER_SECOND);
        assertEquals(Duration.ofSeconds(30), defaults.rateWindow());
        assertEquals(Duration.ofSeconds(60), defaults.stall());

        DownloadLimits fromEnvironment = DownloadLimits.fromSettings(k -> null,
                Map.of("KERAS4J_DOWNLOAD_TIMEOUT", "90", "KERAS4J_DOWNLOAD_MIN_RATE", "0")::get);
        assertEquals(Duration.ofSeconds(90), fromEnvironment.deadline());
        assertEquals(0, fromEnvironment.minBytesPerSecond());
        DownloadLimits propertyWins = DownloadLimits.fromSettings(Map.of("keras4j.download.timeout", "1.5")::get,
                Map.of("KERAS4J_DOWNLOAD_TIMEOUT", "90")::get);
        assertEquals(Duration.ofMillis(1500), propertyWins.deadline());

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DownloadLimits.fromSettings(Map.of("keras4j.download.timeout", "0")::get, k -> null));
        assertEquals("The system property keras4j.download.timeout must be a number > 0, got '0'. Leave it unset for the default, 1800.",
                e.getMessage());
        IllegalStateException rate = assertThrows(IllegalStateException.class,
                () -> DownloadLimits.fromSettings(k -> null, Map.of("KERAS4J_DOWNLOAD_MIN_RATE", "fast")::get));
        assertEquals("The environment variable KERAS4J_DOWNLOAD_MIN_RATE must be a number >= 0, got 'fast'. Leave it unset for the"
                + " default, 1024.", rate.getMessage());
    }

    private static List<Path> listing(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
