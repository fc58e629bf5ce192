package io.github.keras4j.datasets;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Decompresses gzip data (RFC 1952) and rejects anything but a clean file: a truncated member, a CRC or
 * length mismatch in a trailer, and bytes after the last member that do not start another member.
 *
 * <p>Why not {@link java.util.zip.GZIPInputStream}: it silently ignores trailing bytes after the last
 * member, so a damaged cache file could pass unnoticed. Concatenated members are accepted, as gzip does.
 * Every loop either consumes input or ends, so a malformed file cannot make a read spin forever.
 */
final class StrictGzipInputStream extends InputStream {
    private static final int ID1 = 0x1f;
    private static final int ID2 = 0x8b;
    private static final int DEFLATE = 8;
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final int RESERVED_FLAGS = 0xe0;

    private final InputStream in;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private long memberBytes;
    private boolean finished;
    private final byte[] single = new byte[1];

    /** Reads and checks the first member's header; an empty or non-gzip stream fails here. */
    StrictGzipInputStream(InputStream in) throws IOException {
        this.in = in;
        readHeader(true);
    }

    @Override
    public int read() throws IOException {
        int n = read(single, 0, 1);
        return n < 0 ? -1 : single[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!finished) {
            if (inflater.finished()) {
                endMember();
                continue;
            }
            if (inflater.needsDictionary()) {
                throw new ZipException("corrupt gzip data (asks for a preset dictionary, which gzip never uses)");
            }
            if (inflater.needsInput()) {
                if (position == limit && !fill()) {
                    throw new EOFException("the gzip data ends early: the file is truncated");
                }
                inflater.setInput(buffer, position, limit - position);
            }
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw new ZipException("corrupt gzip data (" + e.getMessage() + ")");
            }
            // Whatever the inflater did not consume stays in the buffer for the trailer or the next member.
            position = limit - inflater.getRemaining();
            if (n > 0) {
                crc.update(b, off, n);
                memberBytes += n;
                return n;
            }
            if (!inflater.finished() && !inflater.needsInput() && !inflater.needsDictionary()) {
                throw new ZipException("corrupt gzip data (the decompressor made no progress)");
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }

    /** Checks the trailer, then either ends the stream or starts the next member. */
    private void endMember() throws IOException {
        long expectedCrc = readIntLittleEndian("trailer");
        long expectedSize = readIntLittleEndian("trailer");
        if (expectedCrc != crc.getValue()) {
            throw new ZipException(String.format("corrupt gzip data (CRC-32 of the content is %08x, the trailer says %08x)",
                    crc.getValue(), expectedCrc));
        }
        if (expectedSize != (memberBytes & 0xffffffffL)) {
            throw new ZipException("corrupt gzip data (" + memberBytes + " bytes decompressed, the trailer says "
                    + expectedSize + " mod 2^32)");
        }
        if (position == limit && !fill()) {
            finished = true;
            return;
        }
        inflater.reset();
        crc.reset();
        memberBytes = 0;
        readHeader(false);
    }

    private void readHeader(boolean first) throws IOException {
        String where = "header";
        int id1 = readByte(where);
        int id2 = readByte(where);
        if (id1 != ID1 || id2 != ID2) {
            throw new ZipException(first ? "not gzip data (no gzip signature 1f 8b at the start)"
                    : "unexpected bytes after the end of the gzip data (trailing garbage)");
        }
        int method = readByte(where);
        if (method != DEFLATE) {
            throw new ZipException("unsupported gzip compression method " + method + " (only 8, deflate, exists)");
        }
        int flags = readByte(where);
        if ((flags & RESERVED_FLAGS) != 0) {
            throw new ZipException(String.format("corrupt gzip header (reserved flag bits set: %02x)", flags));
        }
        skip(6, where); // modification time (4), extra flags, operating system
        if ((flags & FEXTRA) != 0) {
            skip(readByte(where) | readByte(where) << 8, where);
        }
        if ((flags & FNAME) != 0) {
            skipZeroTerminated(where);
        }
        if ((flags & FCOMMENT) != 0) {
            skipZeroTerminated(where);
        }
        if ((flags & FHCRC) != 0) {
            skip(2, where);
        }
    }

    private long readIntLittleEndian(String where) throws IOException {
        long value = 0;
        for (int i = 0; i < 4; i++) {
            value |= (long) readByte(where) << (8 * i);
        }
        return value;
    }

    private void skipZeroTerminated(String where) throws IOException {
        while (readByte(where) != 0) {
            // a file name or comment: not needed
        }
    }

    private void skip(int count, String where) throws IOException {
        for (int i = 0; i < count; i++) {
            readByte(where);
        }
    }

    private int readByte(String where) throws IOException {
        if (position == limit && !fill()) {
            throw new EOFException("the gzip " + where + " ends early: the file is truncated");
        }
        return buffer[position++] & 0xff;
    }

    /** Refills an empty buffer; false at the end of the input. */
    private boolean fill() throws IOException {
        int n = in.readNBytes(buffer, 0, buffer.length);
        if (n == 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
