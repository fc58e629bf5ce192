package io.github.keras4j.datasets;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.zip.ZipException;

/**
 * Reads IDX files of unsigned bytes (the format of MNIST and Fashion-MNIST), gzip-compressed or raw.
 *
 * <p>An IDX file is a 4-byte magic number {@code 00 00 08 r} (type 0x08 = unsigned byte, {@code r}
 * dimensions), {@code r} big-endian 32-bit sizes, then exactly their product of bytes, row-major.
 *
 * <p>The reader trusts nothing in the file: it checks the magic number, the number of dimensions, each
 * declared size against the caller's expectation, that the sizes fit one Java array, and that exactly
 * that many bytes follow. It refuses absurd sizes before allocating: a raw file must be exactly as long
 * as it declares, a gzip file cannot expand beyond {@value #MAX_DEFLATE_RATIO} times its size, and
 * gzip content is collected in bounded chunks, so memory grows only with data that actually arrives.
 * Every failure is an {@link IdxFormatException} naming the file; no partial data is ever returned.
 */
final class IdxReader {
    /** Matches any size in an expected shape. */
    static final int ANY = -1;
    /** The IDX type code for unsigned bytes, the only type MNIST-style datasets use. */
    static final int UNSIGNED_BYTE = 0x08;
    /** Deflate's best case is about 1032:1 (258-byte matches at about 2 bits each); no gzip file expands more. */
    static final int MAX_DEFLATE_RATIO = 1032;
    /** The largest array the JVM reliably allocates. */
    static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    /** Gzip content arrives in chunks of at most this many bytes before the buffer grows. */
    static final int CHUNK_BYTES = 1 << 20;

    private IdxReader() {
    }

    /** The content of an IDX file: its sizes and its bytes, row-major ({@code data} null from {@link #header}). */
    record IdxData(int[] dims, byte[] data) {
    }

    /** {@link #read(Path, int[], MessageDigest)} without a digest. */
    static IdxData read(Path file, int[] expectedDims) throws IOException {
        return read(file, expectedDims, null);
    }

    /**
     * Reads {@code file} completely, requiring {@code expectedDims.length} dimensions whose sizes equal
     * {@code expectedDims} ({@link #ANY} matches any size).
     *
     * @param digest if not null, updated with the file's bytes as stored (before decompression)
     * @throws IdxFormatException if the file is not a complete IDX file of that shape
     * @throws IOException if the file cannot be read at all (missing, unreadable)
     */
    static IdxData read(Path file, int[] expectedDims, MessageDigest digest) throws IOException {
        return open(file, expectedDims, digest, true);
    }

    /**
     * The sizes {@code file} declares, checked as {@link #read} checks them, without reading (or inflating) the
     * data: a caller can compare files and the memory their data needs before committing to read them.
     */
    static int[] header(Path file, int[] expectedDims) throws IOException {
        return open(file, expectedDims, null, false).dims();
    }

    private static IdxData open(Path file, int[] expectedDims, MessageDigest digest, boolean withData) throws IOException {
        if (expectedDims == null || expectedDims.length == 0 || expectedDims.length > 255
                || Arrays.stream(expectedDims).anyMatch(d -> d < ANY)) {
            throw new IllegalArgumentException("expectedDims must list 1 to 255 sizes, each >= 0 or ANY (-1), got "
                    + (expectedDims == null ? "null" : Arrays.toString(expectedDims)));
        }
        long fileSize = Files.size(file);
        InputStream stored = Files.newInputStream(file);
        if (digest != null) {
            stored = new DigestInputStream(stored, digest); // below the buffer, so mark/reset digests nothing twice
        }
        try (InputStream raw = new BufferedInputStream(stored, 64 * 1024)) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            try (InputStream in = gzip ? new StrictGzipInputStream(raw) : raw) {
                return readIdx(file, in, gzip, fileSize, expectedDims, withData);
            }
        } catch (ZipException | EOFException e) {
            throw new IdxFormatException(file, e.getMessage(), e);
        }
    }

    /** The header, checked; then, {@code withData}, the payload (else {@code data} is null). */
    private static IdxData readIdx(Path file, InputStream in, boolean gzip, long fileSize, int[] expectedDims, boolean withData)
            throws IOException {
        int rank = expectedDims.length;
        byte[] magic = readHeader(file, in, 4, "magic number");
        if (magic[0] != 0 || magic[1] != 0 || magic[2] != UNSIGNED_BYTE || (magic[3] & 0xff) != rank) {
            throw new IdxFormatException(file, String.format("not an IDX file of unsigned bytes with %d dimension%s: "
                    + "magic number is %02x %02x %02x %02x, expected 00 00 %02x %02x", rank, rank == 1 ? "" : "s",
                    magic[0], magic[1], magic[2], magic[3], UNSIGNED_BYTE, rank));
        }
        byte[] header = readHeader(file, in, 4 * rank, "sizes");
        long[] sizes = new long[rank];
        for (int i = 0; i < rank; i++) {
            sizes[i] = ((header[4 * i] & 0xffL) << 24) | ((header[4 * i + 1] & 0xff) << 16)
                    | ((header[4 * i + 2] & 0xff) << 8) | (header[4 * i + 3] & 0xff);
        }
        for (int i = 0; i < rank; i++) {
            if (expectedDims[i] != ANY && sizes[i] != expectedDims[i]) {
                throw new IdxFormatException(file, "declares sizes " + describe(sizes) + ", expected "
                        + describe(expectedDims) + " (dimension " + i + " differs)");
            }
        }
        long product = 1;
        for (long size : sizes) {
            product *= size; // each size is below 2^32 and product below 2^31 so far: no overflow
            if (product > MAX_ELEMENTS || size > MAX_ELEMENTS) {
                throw new IdxFormatException(file, "declares sizes " + describe(sizes) + ", more than "
                        + MAX_ELEMENTS + " bytes in all, which no array can hold");
            }
        }
        int[] dims = new int[rank];
        for (int i = 0; i < rank; i++) {
            dims[i] = (int) sizes[i]; // checked above: each size fits an int
        }
        int length = (int) product;
        long headerBytes = 4 + 4L * rank;
        if (!gzip && fileSize - headerBytes != length) {
            throw new IdxFormatException(file, "declares " + length + " bytes of data (" + describe(dims)
                    + ") but holds " + (fileSize - headerBytes) + (fileSize - headerBytes < length
                    ? ": the file is truncated" : ": the file has trailing bytes"));
        }
        if (gzip && length > fileSize * MAX_DEFLATE_RATIO) {
            throw new IdxFormatException(file, "declares " + length + " bytes of data (" + describe(dims)
                    + ") but a gzip file of " + fileSize + " bytes cannot hold more than "
                    + fileSize * MAX_DEFLATE_RATIO);
        }
        if (!withData) {
            return new IdxData(dims, null);
        }
        byte[] data = readPayload(file, in, length, gzip);
        if (in.read() >= 0) {
            throw new IdxFormatException(file, "has bytes after the " + length + " bytes of data it declares ("
                    + describe(dims) + "): trailing garbage or wrong sizes");
        }
        return new IdxData(dims, data);
    }

    /** Reads exactly {@code length} bytes; a gzip stream's buffer grows only as data arrives. */
    private static byte[] readPayload(Path file, InputStream in, int length, boolean gzip) throws IOException {
        byte[] data = new byte[gzip ? Math.min(length, CHUNK_BYTES) : length];
        int filled = 0;
        while (filled < length) {
            if (filled == data.length) {
                data = Arrays.copyOf(data, (int) Math.min(length, Math.max(2L * data.length, CHUNK_BYTES)));
            }
            int n = in.read(data, filled, Math.min(data.length - filled, CHUNK_BYTES));
            if (n < 0) {
                throw new IdxFormatException(file, "data ends after " + filled + " of the " + length
                        + " bytes it declares: the file is truncated");
            }
            filled += n;
        }
        return data;
    }

    private static byte[] readHeader(Path file, InputStream in, int count, String what) throws IOException {
        byte[] header = in.readNBytes(count);
        if (header.length < count) {
            throw new IdxFormatException(file, "ends inside the IDX header (" + what + "): the file is "
                    + (header.length == 0 && "magic number".equals(what) ? "empty" : "truncated"));
        }
        return header;
    }

    private static String describe(int[] dims) {
        StringBuilder s = new StringBuilder();
        for (int d : dims) {
            s.append(s.length() == 0 ? "" : " x ").append(d == ANY ? "any" : Integer.toString(d));
        }
        return s.toString();
    }

    private static String describe(long[] sizes) {
        StringBuilder s = new StringBuilder();
        for (long d : sizes) {
            s.append(s.length() == 0 ? "" : " x ").append(d);
        }
        return s.toString();
    }
}
