package io.github.keras4j.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * One IDX file of unsigned bytes (MNIST's format: a magic number {@code 00 00 08 rank}, the sizes as big-endian
 * ints, then the values in c order), read a range of samples at a time without loading the rest: a plain file by
 * positioned reads (any order, any thread), a {@code .gz} file as one stream that is read forward and opened again
 * when an earlier sample is asked for (epochs read in order, so once per epoch).
 */
final class IdxFile implements AutoCloseable {
    private static final int UNSIGNED_BYTE = 0x08;
    private final Path path;
    private final boolean gzip;
    private final int[] dims;
    private final long headerBytes;
    private final int sampleBytes;
    private FileChannel channel;
    private InputStream stream;
    private long streamSample;

    /** Reads and checks the header of {@code path}, which must hold {@code rank} dimensions. */
    IdxFile(Path path, int rank) {
        this.path = path;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(path))) {
            raw.mark(2);
            this.gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            InputStream in = gzip ? new GZIPInputStream(raw) : raw;
            byte[] magic = in.readNBytes(4);
            if (magic.length < 4 || magic[0] != 0 || magic[1] != 0 || magic[2] != UNSIGNED_BYTE || magic[3] != rank) {
                throw new IllegalArgumentException(path + " is not an IDX file of unsigned bytes with " + rank + " dimension"
                        + (rank == 1 ? "" : "s") + " (its first bytes are " + hex(magic) + ", expected 00 00 08 0" + rank
                        + "). Pass MNIST-format files, plain or .gz: images with 3 dimensions, labels with 1.");
            }
            byte[] sizes = in.readNBytes(4 * rank);
            if (sizes.length < 4 * rank) {
                throw new IllegalArgumentException(path + " ends inside its IDX header: the file is truncated.");
            }
            ByteBuffer b = ByteBuffer.wrap(sizes);
            dims = new int[rank];
            long sample = 1;
            for (int i = 0; i < rank; i++) {
                dims[i] = b.getInt();
                if (i > 0) {
                    sample *= dims[i];
                }
            }
            this.headerBytes = 4 + 4L * rank;
            this.sampleBytes = Math.toIntExact(sample);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the IDX file " + path + ": " + (e instanceof java.nio.file.NoSuchFileException
                    ? "there is no such file." : e.getMessage()), e);
        }
        if (!gzip) {
            long expected = headerBytes + (long) dims[0] * sampleBytes;
            long size = size(path);
            if (size != expected) {
                throw new IllegalArgumentException(path + " declares " + dims[0] + " samples of " + sampleBytes + (sampleBytes == 1 ? " byte (" : " bytes (") + expected
                        + " bytes with its header) but holds " + size + " bytes: the file is " + (size < expected ? "truncated." : "longer than it says."));
            }
        }
    }

    Path path() {
        return path;
    }

    /** The number of samples (the first size). */
    int samples() {
        return dims[0];
    }

    /** The sizes after the first: one sample's shape. */
    int[] sampleShape() {
        return Arrays.copyOfRange(dims, 1, dims.length);
    }

    int sampleBytes() {
        return sampleBytes;
    }

    /** Reads samples {@code [first, first + count)} into {@code dst}; synchronised, so one file serves one reader at a time. */
    synchronized void read(long first, int count, byte[] dst) {
        int length = count * sampleBytes;
        try {
            if (!gzip) {
                if (channel == null) {
                    channel = FileChannel.open(path, StandardOpenOption.READ);
                }
                ByteBuffer buffer = ByteBuffer.wrap(dst, 0, length);
                long position = headerBytes + first * sampleBytes;
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, position + buffer.position()) < 0) {
                        throw new EOFException("end of file");
                    }
                }
                return;
            }
            if (stream == null || first < streamSample) {
                close();
                stream = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16), 1 << 16);
                stream.skipNBytes(headerBytes);
                streamSample = 0;
            }
            stream.skipNBytes((first - streamSample) * sampleBytes);
            if (stream.readNBytes(dst, 0, length) < length) {
                throw new EOFException("end of file");
            }
            streamSample = first + count;
        } catch (EOFException e) {
            close();
            throw new UncheckedIOException("The IDX file " + path + " ends before sample " + (first + count) + " of the " + dims[0]
                    + " it declares: the file is truncated.", e);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("Cannot read samples " + first + " to " + (first + count - 1) + " of the IDX file " + path
                    + ": " + e.getMessage(), e);
        }
    }

    /** Closes the open file; the next read opens it again. */
    @Override
    public synchronized void close() {
        try {
            if (channel != null) {
                channel.close();
            }
            if (stream != null) {
                stream.close();
            }
        } catch (IOException e) {
            // closing a file only read from loses nothing
        } finally {
            channel = null;
            stream = null;
        }
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the IDX file " + path + ": " + e.getMessage(), e);
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append(s.length() == 0 ? "" : " ").append(String.format("%02x", b & 0xff));
        }
        return s.length() == 0 ? "none" : s.toString();
    }
}
