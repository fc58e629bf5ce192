package io.github.keras4j.datasets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Damaged copies of the real MNIST test files in a fresh cache: each fails with a message naming the file
 * and the problem, and loads nothing. Copies are written decompressed where that is quicker; the reader
 * accepts raw IDX content under the canonical {@code .gz} names.
 */
class DatasetCorruptionTest {
    private static final String IMAGES = "t10k-images-idx3-ubyte.gz";
    private static final String LABELS = "t10k-labels-idx1-ubyte.gz";
    private static byte[] images;
    private static byte[] labels;
    private static URI offline;

    @TempDir
    Path root;

    @BeforeAll
    static void readOriginals() throws IOException {
        images = RealData.gunzip(RealData.mnist(IMAGES));
        labels = RealData.gunzip(RealData.mnist(LABELS));
        offline = LocalMirror.refusingOrigin();
    }

    @Test
    void intactCopiesLoad() throws IOException {
        write(images, labels);
        assertArrayEquals(new long[] {10_000}, Mnist.DATASET.loadTest(root, offline).yTest().shape());
    }

    @Test
    void truncatedGzipFile() throws IOException {
        byte[] gz = RealData.bytes(RealData.mnist(IMAGES));
        write(IMAGES, Arrays.copyOf(gz, gz.length / 2));
        write(LABELS, labels);
        assertFails(IMAGES, "the gzip data ends early: the file is truncated");
    }

    @Test
    void truncatedRawFile() throws IOException {
        write(Arrays.copyOf(images, images.length - 784), labels);
        assertFails(IMAGES, "declares 7840000 bytes of data (10000 x 28 x 28) but holds 7839216: the file is truncated");
    }

    @Test
    void bitFlippedMagicNumber() throws IOException {
        byte[] flipped = labels.clone();
        flipped[3] ^= 0x02; // 00 00 08 01 -> 00 00 08 03: claims three dimensions
        write(images, flipped);
        assertFails(LABELS, "not an IDX file of unsigned bytes with 1 dimension: magic number is 00 00 08 03,"
                + " expected 00 00 08 01");
    }

    @Test
    void labelCountDisagreeingWithImageCount() throws IOException {
        write(images, withCount(Arrays.copyOf(labels, labels.length - 1), 9_999));
        assertFails(LABELS, "holds 9999 labels but " + root.resolve("mnist").resolve(IMAGES)
                + " holds 10000 images; they must agree");
    }

    @Test
    void consistentButWrongCount() throws IOException {
        write(withCount(Arrays.copyOf(images, images.length - 784), 9_999),
                withCount(Arrays.copyOf(labels, labels.length - 1), 9_999));
        assertFails(IMAGES, "holds 9999 images, but the MNIST test split has 10000");
    }

    @Test
    void trailingBytes() throws IOException {
        write(images, Arrays.copyOf(labels, labels.length + 3));
        assertFails(LABELS, "declares 10000 bytes of data (10000) but holds 10003: the file has trailing bytes");
        write(IdxFiles.gzip(Arrays.copyOf(images, images.length + 1)), labels);
        assertFails(IMAGES, "has bytes after the 7840000 bytes of data it declares (10000 x 28 x 28)");
    }

    @Test
    void hugeDeclaredCount() throws IOException {
        write(withCount(images.clone(), Integer.MIN_VALUE), labels); // 2^31 as an unsigned count
        assertFails(IMAGES, "declares sizes 2147483648 x 28 x 28, more than 2147483639 bytes in all");
    }

    @Test
    void labelOutsideTheTenClasses() throws IOException {
        byte[] bad = labels.clone();
        bad[8 + 5] = 10;
        write(images, bad);
        assertFails(LABELS, "label 10 at index 5 is outside 0..9");
    }

    @Test
    void imagesOfAnotherSize() throws IOException {
        ByteBuffer header = ByteBuffer.wrap(images.clone());
        header.putInt(8, 784).putInt(12, 1); // 10000 x 784 x 1: same bytes, other shape
        write(header.array(), labels);
        assertFails(IMAGES, "declares sizes 10000 x 784 x 1, expected any x 28 x 28 (dimension 1 differs)");
    }

    private void assertFails(String file, String problem) {
        Path path = root.resolve("mnist").resolve(file);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Mnist.DATASET.loadTest(root, offline));
        assertTrue(e.getMessage().startsWith("Cannot load MNIST: " + path + ": " + problem), e.getMessage());
        assertTrue(e.getMessage().endsWith(". Delete the file to have keras4j download it again."), e.getMessage());
        assertEquals(path, assertInstanceOf(IdxFormatException.class, e.getCause()).file());
    }

    private void write(byte[] imagesContent, byte[] labelsContent) throws IOException {
        write(IMAGES, imagesContent);
        write(LABELS, labelsContent);
    }

    private void write(String name, byte[] content) throws IOException {
        Files.write(Files.createDirectories(root.resolve("mnist")).resolve(name), content);
    }

    /** {@code content} with its first size (the count) replaced. */
    private static byte[] withCount(byte[] content, int count) {
        ByteBuffer.wrap(content).putInt(4, count);
        return content;
    }
}
