package io.github.keras4j.datasets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sizes an IDX header declares are compared (images with labels, with the split's size, with the free heap)
 * before any data is inflated: a 1.6 MB gzip file that declares 2,000,000 images (1.5 GB) fails at once with a
 * message, instead of inflating gigabytes or ending in a bare {@link OutOfMemoryError}.
 */
class DeclaredSizesTest {
    private static final String IMAGES = "t10k-images-idx3-ubyte.gz";
    private static final String LABELS = "t10k-labels-idx1-ubyte.gz";

    @TempDir
    Path root;

    /**
     * The real test images' gzip (1.6 MB) with a header declaring {@code count} images, and its data damaged after
     * the header: were the data inflated, the error would be about the damage, not the counts.
     */
    private static byte[] imagesDeclaring(int count) {
        byte[] raw = RealData.gunzip(RealData.mnist(IMAGES));
        java.nio.ByteBuffer.wrap(raw).putInt(4, count);
        byte[] gz = IdxFiles.gzip(raw);
        for (int i = gz.length / 2; i < gz.length / 2 + 64; i++) {
            gz[i] ^= 0x55;
        }
        return gz;
    }

    @Test
    void twoMillionImagesAgainstTenThousandLabelsFailFromTheHeaders() throws IOException {
        byte[] gz = imagesDeclaring(2_000_000);
        assertTrue(gz.length > 1_500_000 && (long) gz.length * IdxReader.MAX_DEFLATE_RATIO > 2_000_000L * 784,
                "the file is large enough to pass the expansion check: " + gz.length);
        write(gz, RealData.bytes(RealData.mnist(LABELS)));
        assertFails(LABELS, "holds 10000 labels but " + root.resolve("mnist").resolve(IMAGES) + " holds 2000000 images; they must agree");
    }

    @Test
    void twoMillionImagesAndLabelsFailOnTheSplitsSize() throws IOException {
        byte[] labels = RealData.gunzip(RealData.mnist(LABELS));
        byte[] declared = Arrays.copyOf(labels, labels.length);
        java.nio.ByteBuffer.wrap(declared).putInt(4, 2_000_000);
        write(imagesDeclaring(2_000_000), IdxFiles.gzip(declared));
        assertFails(IMAGES, "holds 2000000 images, but the MNIST test split has 10000");
    }

    /** A JVM whose heap cannot hold Fashion-MNIST's training images is told so before reading them. */
    @Test
    void aHeapTooSmallForTheSplitIsNamedBeforeReading() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        RealData.fashionTrainingPresent();
        Process child = new ProcessBuilder(java, "-Xmx32m", "-cp", classpath, LoadFashionMnist.class.getName())
                .redirectErrorStream(true).start();
        child.getOutputStream().close();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish");
        assertTrue(out.contains("IllegalStateException: Cannot load Fashion-MNIST: its training split (60000 images of 28 x 28 and"
                + " their labels) needs 47100000 bytes of Java heap, more than the JVM has free (its maximum heap is 32 MiB). Start"
                + " Java with a larger heap, e.g. -Xmx2g, or load the test split alone (loadTestData())."), out);
        assertTrue(!out.contains("OutOfMemoryError"), out);
    }

    private void assertFails(String file, String problem) throws IOException {
        URI offline = LocalMirror.refusingOrigin();
        Path path = root.resolve("mnist").resolve(file);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Mnist.DATASET.loadTest(root, offline));
        assertEquals("Cannot load MNIST: " + path + ": " + problem + ". Delete the file to have keras4j download it again.", e.getMessage());
    }

    private void write(byte[] images, byte[] labels) throws IOException {
        Path folder = Files.createDirectories(root.resolve("mnist"));
        Files.write(folder.resolve(IMAGES), images);
        Files.write(folder.resolve(LABELS), labels);
    }
}
