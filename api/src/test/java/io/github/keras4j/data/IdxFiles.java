package io.github.keras4j.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests: {@code images} as (n, rows, columns) unsigned bytes, {@code labels} as (n,). */
public final class IdxFiles {
    private IdxFiles() {
    }

    public static void write(Path file, int[] dims, byte[] values, boolean gzip) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(4 + 4 * dims.length);
        header.put((byte) 0).put((byte) 0).put((byte) 8).put((byte) dims.length);
        for (int d : dims) {
            header.putInt(d);
        }
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(header.array());
            out.write(values);
        }
    }
}
