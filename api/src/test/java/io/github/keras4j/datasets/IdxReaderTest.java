package io.github.keras4j.datasets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;

import static io.github.keras4j.datasets.IdxFiles.concat;
import static io.github.keras4j.datasets.IdxFiles.deflate;
import static io.github.keras4j.datasets.IdxFiles.gzip;
import static io.github.keras4j.datasets.IdxFiles.idx;
import static io.github.keras4j.datasets.IdxFiles.pattern;
import static io.github.keras4j.datasets.IdxFiles.trailer;
import static io.github.keras4j.datasets.IdxReader.ANY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdxReaderTest {
    private static final int[] SHAPE = {3, 4, 5};

    @TempDir
    Path dir;

    @Test
    void readsRawAndGzipFiles() throws IOException {
        for (boolean compressed : new boolean[] {false, true}) {
            byte[] file = idx(SHAPE);
            IdxReader.IdxData data = IdxReader.read(write("a", compressed ? gzip(file) : file), SHAPE);
            assertArrayEquals(SHAPE, data.dims());
            assertArrayEquals(pattern(60), data.data());
        }
    }

    @Test
    void anyMatchesEverySize() throws IOException {
        IdxReader.IdxData data = IdxReader.read(write("a", gzip(idx(SHAPE))), new int[] {ANY, 4, ANY});
        assertArrayEquals(SHAPE, data.dims());
    }

    @Test
    void readsEmptyPayloadWhenASizeIsZero() throws IOException {
        IdxReader.IdxData data = IdxReader.read(write("a", idx(0, 28, 28)), new int[] {ANY, 28, 28});
        assertArrayEquals(new int[] {0, 28, 28}, data.dims());
        assertEquals(0, data.data().length);
    }

    @Test
    void readsConcatenatedGzipMembersAsGzipDoes() throws IOException {
        byte[] file = idx(SHAPE);
        byte[] twoMembers = concat(gzip(Arrays.copyOf(file, 30)), gzip(Arrays.copyOfRange(file, 30, file.length)));
        assertArrayEquals(pattern(60), IdxReader.read(write("a", twoMembers), SHAPE).data());
    }

    @Test
    void readsGzipHeaderWithExtraFieldNameCommentAndHeaderCrc() throws IOException {
        byte[] content = idx(SHAPE);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        gz.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 2 | 4 | 8 | 16, 0, 0, 0, 0, 0, 3});
        gz.writeBytes(new byte[] {3, 0, 'a', 'b', 'c'});                  // FEXTRA: length 3
        gz.writeBytes(new byte[] {'f', '.', 'i', 'd', 'x', 0});           // FNAME
        gz.writeBytes(new byte[] {'h', 'i', 0});                          // FCOMMENT
        gz.writeBytes(new byte[] {0x12, 0x34});                           // FHCRC (not checked)
        gz.writeBytes(deflate(content));
        gz.writeBytes(trailer(content));
        assertArrayEquals(pattern(60), IdxReader.read(write("a", gz.toByteArray()), SHAPE).data());
    }

    @Test
    void digestCoversTheFileAsStored() throws Exception {
        for (byte[] content : new byte[][] {idx(SHAPE), gzip(idx(SHAPE))}) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            IdxReader.read(write("a", content), SHAPE, digest);
            assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(content), digest.digest());
        }
    }

    @Test
    void rejectsEmptyFile() throws IOException {
        assertProblem(write("a", new byte[0]), SHAPE, "ends inside the IDX header (magic number): the file is empty");
    }

    @Test
    void rejectsFileEndingInsideTheHeader() throws IOException {
        assertProblem(write("a", Arrays.copyOf(idx(SHAPE), 9)), SHAPE,
                "ends inside the IDX header (sizes): the file is truncated");
    }

    @Test
    void rejectsTruncatedRawFile() throws IOException {
        byte[] file = idx(SHAPE);
        assertProblem(write("a", Arrays.copyOf(file, file.length - 1)), SHAPE,
                "declares 60 bytes of data (3 x 4 x 5) but holds 59: the file is truncated");
    }

    @Test
    void rejectsTruncatedGzipFile() throws IOException {
        byte[] gz = gzip(idx(SHAPE));
        assertProblem(write("a", Arrays.copyOf(gz, gz.length - 3)), SHAPE, "the gzip trailer ends early: the file is truncated");
        assertProblem(write("b", Arrays.copyOf(gz, 20)), SHAPE, "the gzip data ends early: the file is truncated");
    }

    @Test
    void rejectsGzipContentShorterThanDeclared() throws IOException {
        byte[] file = idx(SHAPE);
        assertProblem(write("a", gzip(Arrays.copyOf(file, file.length - 5))), SHAPE,
                "data ends after 55 of the 60 bytes it declares: the file is truncated");
    }

    @Test
    void rejectsBitFlippedMagicNumber() throws IOException {
        byte[] file = idx(SHAPE);
        file[2] ^= 0x01;
        String expected = "not an IDX file of unsigned bytes with 3 dimensions: magic number is 00 00 09 03, expected 00 00 08 03";
        assertProblem(write("a", file), SHAPE, expected);
        assertProblem(write("b", gzip(file)), SHAPE, expected);
    }

    @Test
    void rejectsFileWithOtherNumberOfDimensions() throws IOException {
        assertProblem(write("a", idx(60)), SHAPE,
                "not an IDX file of unsigned bytes with 3 dimensions: magic number is 00 00 08 01, expected 00 00 08 03");
    }

    @Test
    void rejectsSizesOtherThanExpected() throws IOException {
        assertProblem(write("a", gzip(idx(SHAPE))), new int[] {2, 4, 5},
                "declares sizes 3 x 4 x 5, expected 2 x 4 x 5 (dimension 0 differs)");
        assertProblem(write("b", idx(SHAPE)), new int[] {ANY, 28, 28},
                "declares sizes 3 x 4 x 5, expected any x 28 x 28 (dimension 1 differs)");
    }

    @Test
    void rejectsTrailingBytes() throws IOException {
        byte[] longer = concat(idx(SHAPE), new byte[] {42});
        assertProblem(write("a", longer), SHAPE, "declares 60 bytes of data (3 x 4 x 5) but holds 61: the file has trailing bytes");
        assertProblem(write("b", gzip(longer)), SHAPE,
                "has bytes after the 60 bytes of data it declares (3 x 4 x 5): trailing garbage or wrong sizes");
    }

    @Test
    void rejectsGarbageAfterTheGzipData() throws IOException {
        byte[] gz = concat(gzip(idx(SHAPE)), new byte[] {0, 0, 0, 0});
        assertProblem(write("a", gz), SHAPE, "unexpected bytes after the end of the gzip data (trailing garbage)");
    }

    @Test
    void rejectsGzipCrcAndLengthMismatch() throws IOException {
        byte[] gz = gzip(idx(SHAPE));
        byte[] badCrc = gz.clone();
        badCrc[gz.length - 8] ^= 0x01;
        assertProblem(write("a", badCrc), SHAPE, "corrupt gzip data (CRC-32 of the content is");
        byte[] badSize = gz.clone();
        badSize[gz.length - 4] ^= 0x01;
        assertProblem(write("b", badSize), SHAPE, "corrupt gzip data (76 bytes decompressed, the trailer says 77 mod 2^32)");
    }

    @Test
    void rejectsCorruptDeflateData() throws IOException {
        byte[] gz = gzip(idx(SHAPE));
        gz[10] = (byte) 0xff; // first byte of the deflate stream: block type 3 does not exist
        assertProblem(write("a", gz), SHAPE, "corrupt gzip data (invalid block type)");
    }

    @Test
    void refusesHugeDeclaredCountWithoutAllocating() throws IOException {
        // 2^31 images of 28 x 28: far beyond any array; the header alone must be enough to refuse.
        byte[] file = idx(new long[] {1L << 31, 28, 28}, pattern(100));
        for (boolean compressed : new boolean[] {false, true}) {
            Path path = write(compressed ? "a.gz" : "a", compressed ? gzip(file) : file);
            long allocated = allocatedDuring(() -> assertProblem(path, new int[] {ANY, 28, 28},
                    "declares sizes 2147483648 x 28 x 28, more than 2147483639 bytes in all, which no array can hold"));
            assertTrue(allocated < 4 << 20, "allocated " + allocated + " bytes");
        }
    }

    @Test
    void refusesSizesWhoseProductOverflowsALong() throws IOException {
        byte[] file = idx(new long[] {0xffffffffL, 0xffffffffL, 0xffffffffL}, new byte[0]);
        assertProblem(write("a", file), new int[] {ANY, ANY, ANY},
                "declares sizes 4294967295 x 4294967295 x 4294967295, more than 2147483639 bytes in all");
        byte[] zeroTimesHuge = idx(new long[] {0, 0xffffffffL}, new byte[0]);
        assertProblem(write("b", zeroTimesHuge), new int[] {ANY, ANY},
                "declares sizes 0 x 4294967295, more than 2147483639 bytes in all");
    }

    @Test
    void refusesGzipFileDeclaringMoreThanDeflateCanExpandTo() throws IOException {
        Path path = write("a", gzip(idx(new long[] {1 << 30}, pattern(100))));
        long size = Files.size(path);
        assertProblem(path, new int[] {ANY}, "declares 1073741824 bytes of data (1073741824) but a gzip file of " + size
                + " bytes cannot hold more than " + size * IdxReader.MAX_DEFLATE_RATIO);
    }

    @Test
    void gzipBufferGrowsOnlyWithArrivingData() throws IOException {
        // Incompressible 256 KiB in a file declaring 200 MB: plausible for the deflate bound, so the reader
        // must discover the shortfall while reading, having allocated about what arrived, not 200 MB.
        byte[] noise = new byte[256 * 1024];
        new Random(1).nextBytes(noise);
        Path path = write("a", gzip(idx(new long[] {200_000_000}, noise)));
        long allocated = allocatedDuring(() -> assertProblem(path, new int[] {ANY},
                "data ends after 262144 of the 200000000 bytes it declares: the file is truncated"));
        assertTrue(allocated < 16 << 20, "allocated " + allocated + " bytes");
    }

    @Test
    void acceptsHighlyCompressedButGenuineGzip() throws IOException {
        byte[] zeros = new byte[4 << 20];
        byte[] gz = gzip(idx(new long[] {zeros.length}, zeros));
        assertTrue(zeros.length > 500L * gz.length, "the test needs a strongly compressed file");
        assertArrayEquals(zeros, IdxReader.read(write("a", gz), new int[] {ANY}).data());
    }

    @Test
    void textIsNotAnIdxFile() throws IOException {
        assertProblem(write("a", "hello, world".getBytes()), new int[] {ANY},
                "not an IDX file of unsigned bytes with 1 dimension: magic number is 68 65 6c 6c, expected 00 00 08 01");
    }

    @Test
    void missingFileIsAPlainIoError() {
        Path missing = dir.resolve("missing.gz");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> IdxReader.read(missing, SHAPE));
        assertTrue(e.getMessage().contains(missing.toString()));
    }

    @Test
    void rejectsMeaninglessExpectation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IdxReader.read(dir.resolve("x"), new int[] {-2}));
        assertEquals("expectedDims must list 1 to 255 sizes, each >= 0 or ANY (-1), got [-2]", e.getMessage());
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static void assertProblem(Path file, int[] expectedDims, String problem) {
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.read(file, expectedDims));
        assertTrue(e.getMessage().startsWith(file + ": " + problem), "message was: " + e.getMessage());
        assertEquals(file, e.file());
    }

    private static long allocatedDuring(Runnable action) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        action.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }
}
