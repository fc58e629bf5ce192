package io.github.keras4j.datasets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** Builds IDX files, raw and gzip-compressed, for tests. */
final class IdxFiles {
    private IdxFiles() {
    }

    /** An IDX file of unsigned bytes declaring {@code dims} and holding {@code data} (any length). */
    static byte[] idx(long[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.put((byte) 0).put((byte) 0).put((byte) IdxReader.UNSIGNED_BYTE).put((byte) dims.length);
        for (long d : dims) {
            b.putInt((int) d);
        }
        return b.put(data).array();
    }

    /** {@link #idx} with a payload of exactly the declared size, filled with a recognisable pattern. */
    static byte[] idx(int... dims) {
        long n = 1;
        long[] sizes = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            n *= dims[i];
            sizes[i] = dims[i];
        }
        return idx(sizes, pattern((int) n));
    }

    static byte[] pattern(int n) {
        byte[] data = new byte[n];
        for (int i = 0; i < n; i++) {
            data[i] = (byte) (i * 31 + 7);
        }
        return data;
    }

    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** A gzip member with the original file name in its header (flag FNAME), as the gzip tool writes it. */
    static byte[] gzipWithName(byte[] content, String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 8, 0, 0, 0, 0, 0, 3});
        out.writeBytes(name.getBytes(StandardCharsets.ISO_8859_1));
        out.write(0);
        out.writeBytes(deflate(content));
        out.writeBytes(trailer(content));
        return out.toByteArray();
    }

    /** Raw deflate data (no gzip framing). */
    static byte[] deflate(byte[] content) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(content);
        deflater.finish();
        byte[] out = new byte[content.length + content.length / 100 + 64];
        int n = deflater.deflate(out);
        deflater.end();
        return Arrays.copyOf(out, n);
    }

    /** A gzip trailer: CRC-32 and length of {@code content}, little-endian. */
    static byte[] trailer(byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt((int) crc.getValue())
                .putInt(content.length).array();
    }
}
