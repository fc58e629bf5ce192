package io.github.keras4j.saving;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The {@code .keras} zip archive: {@value #METADATA} ({@code keras_version}, {@code date_saved}),
 * {@value #CONFIG} (the model's config) and {@value #WEIGHTS} (the variables, HDF5). Entries are stored
 * uncompressed, as Keras writes them. Reading checks every entry's CRC, so a damaged file fails here with a
 * message instead of deep inside the JSON or HDF5 parser.
 */
final class KerasArchive {
    static final String METADATA = "metadata.json";
    static final String CONFIG = "config.json";
    static final String WEIGHTS = "model.weights.h5";
    /** Keras' NumPy weights format, which keras4j does not read. */
    static final String WEIGHTS_NPZ = "model.weights.npz";
    /** A stored entry is as large as its data; a compressed one may expand at most this much (zip-bomb guard). */
    static final long MAX_EXPANSION = 100;
    private static final long MAX_ENTRY = Integer.MAX_VALUE - 8;

    /** The three entries of an archive. */
    record Contents(byte[] metadata, byte[] config, byte[] weights) {
    }

    private KerasArchive() {
    }

    static void write(OutputStream out, byte[] metadata, byte[] config, byte[] weights) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, METADATA, metadata);
            put(zip, CONFIG, config);
            put(zip, WEIGHTS, weights);
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        e.setTime(0); // Keras stamps 1980-01-01; a fixed time keeps identical models byte-identical
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    /** The entries of the archive at {@code file}; {@code source} names it in messages. */
    static Contents read(Path file, String source) {
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(source, Files.exists(file) ? "it is not a regular file" : "the file does not exist");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            requireUniqueNames(zip, source);
            if (zip.getEntry(CONFIG) == null) {
                throw new ModelFileException(source, "the archive has no " + CONFIG + " (it holds " + names(zip)
                        + "); a .keras file holds " + METADATA + ", " + CONFIG + " and " + WEIGHTS);
            }
            if (zip.getEntry(WEIGHTS) == null) {
                String problem = zip.getEntry(WEIGHTS_NPZ) != null
                        ? "the weights are stored as " + WEIGHTS_NPZ + ", which keras4j does not read; save the model with Keras' default h5 weights"
                        : "the archive has no " + WEIGHTS + " (it holds " + names(zip) + ")";
                throw new ModelFileException(source, problem);
            }
            long archiveSize = Files.size(file);
            byte[] metadata = zip.getEntry(METADATA) == null ? null : entry(zip, METADATA, source, archiveSize);
            return new Contents(metadata, entry(zip, CONFIG, source, archiveSize), entry(zip, WEIGHTS, source, archiveSize));
        } catch (ZipException e) {
            throw new ModelFileException(source, "it is not a valid .keras archive (" + e.getMessage()
                    + "); the file may be truncated, damaged or of another format", e);
        } catch (IOException e) {
            throw new ModelFileException(source, "reading it failed: " + e, e);
        }
    }

    private static byte[] entry(ZipFile zip, String name, String source, long archiveSize) throws IOException {
        ZipEntry e = zip.getEntry(name);
        long limit = e.getMethod() == ZipEntry.STORED ? e.getSize()
                : Math.max(1 << 20, Math.min(MAX_ENTRY, MAX_EXPANSION * Math.max(e.getCompressedSize(), 0)));
        if (limit < 0 || limit > MAX_ENTRY) {
            throw new ModelFileException(source, "the entry " + name + " declares an invalid size " + e.getSize());
        }
        // The declared size may be damaged (one flipped bit makes it a gigabyte): reserve no more than the archive
        // itself holds; a deflated entry that really is larger grows the buffer as it is read.
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(e.getSize(), 0), Math.min(archiveSize, MAX_ENTRY)));
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        try (InputStream in = zip.getInputStream(e)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > limit) {
                    throw new ModelFileException(source, e.getMethod() == ZipEntry.STORED
                            ? "the entry " + name + " holds more data than its declared " + e.getSize() + " bytes; the archive is damaged"
                            : "the entry " + name + " expands beyond " + limit + " bytes from " + e.getCompressedSize()
                            + " compressed bytes; refusing to read it (a zip bomb?)");
                }
                crc.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        } catch (java.io.EOFException truncated) {
            throw new ModelFileException(source, "the entry " + name + " is truncated", truncated);
        }
        if (e.getSize() >= 0 && total != e.getSize()) {
            throw new ModelFileException(source, "the entry " + name + " has " + total + " bytes but the archive declares "
                    + e.getSize() + "; the file is damaged or truncated");
        }
        if (e.getCrc() >= 0 && crc.getValue() != e.getCrc()) {
            throw new ModelFileException(source, "the entry " + name + " fails its CRC check; the file is damaged");
        }
        return out.toByteArray();
    }

    /**
     * Refuses an archive that holds an entry name twice: zip readers disagree on which of the two they take (the
     * JDK's takes the last), so such a file loads differently in keras4j and in Keras, and may have been edited
     * to hide one config behind another. Keras never writes one.
     */
    private static void requireUniqueNames(ZipFile zip, String source) {
        Set<String> seen = new HashSet<>();
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
            String name = entries.nextElement().getName();
            if (!seen.add(name)) {
                long count = zip.stream().filter(e -> e.getName().equals(name)).count();
                throw new ModelFileException(source, "the archive holds " + count + " entries named " + name + "; a .keras file"
                        + " holds each entry once (zip readers disagree on which copy they read, so the file is damaged or was"
                        + " edited by hand). Save the model again to get a clean file");
            }
        }
    }

    private static String names(ZipFile zip) {
        StringBuilder sb = new StringBuilder();
        zip.stream().limit(10).forEach(e -> sb.append(sb.length() == 0 ? "" : ", ").append(e.getName()));
        return sb.length() == 0 ? "nothing" : sb.toString();
    }
}
