package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.keras4j.engine.LayerStack;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Flatten;
import io.github.keras4j.losses.SparseCategoricalCrossentropy;
import io.github.keras4j.optimizers.Adam;
import io.github.keras4j.random.SeedGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Damaged, truncated or foreign files fail with a message naming the file and the problem, never with a parser's stack trace.
 * {@link ModelFileFuzzTest} feeds the readers many more damaged inputs.
 */
class CorruptFilesTest {
    @TempDir
    Path dir;

    private Path good;
    private byte[] goodBytes;

    @BeforeEach
    void writeAGoodFile() throws IOException {
        SeedGenerator.setGlobalSeed(31);
        LayerStack stack = TestModels.stack(List.of(new Flatten().inputShape(3, 2), new Dense(4, "relu"), new Dense(3, "softmax")));
        Adam adam = new Adam();
        SparseCategoricalCrossentropy loss = new SparseCategoricalCrossentropy();
        TestModels.train(stack, loss, adam, TestModels.inputs(1, 8, 3, 2), TestModels.labels(2, 8, 3), 1, 8);
        good = dir.resolve("good.keras");
        Saving.saveModel(TestModels.describe(stack, adam, loss, "accuracy"), good);
        goodBytes = Files.readAllBytes(good);
    }

    private String failure(Path file) {
        ModelFileException e = assertThrows(ModelFileException.class, () -> Saving.loadModel(file));
        assertTrue(e.getMessage().startsWith("Cannot load file '" + file + "': "), e.getMessage());
        return e.getMessage().substring(("Cannot load file '" + file + "': ").length());
    }

    @Test
    void truncatedArchive() throws IOException {
        Path file = dir.resolve("truncated.keras");
        Files.write(file, Arrays.copyOf(goodBytes, goodBytes.length / 2));
        assertTrue(failure(file).startsWith("it is not a valid .keras archive ("), failure(file));
        assertTrue(failure(file).endsWith("); the file may be truncated, damaged or of another format"), failure(file));
    }

    @Test
    void randomBytes() throws IOException {
        Path file = dir.resolve("random.keras");
        byte[] junk = new byte[4096];
        new SplittableRandom(5).nextBytes(junk);
        junk[0] = 7;
        Files.write(file, junk);
        assertTrue(failure(file).startsWith("it is neither a .keras archive (zip) nor a Keras HDF5 file; it starts with bytes [7, "),
                failure(file));
    }

    @Test
    void emptyAndMissingFiles() throws IOException {
        Path empty = dir.resolve("empty.keras");
        Files.write(empty, new byte[0]);
        assertEquals("it is neither a .keras archive (zip) nor a Keras HDF5 file; it starts with bytes []", failure(empty));
        assertEquals("the file does not exist", failure(dir.resolve("nothing.keras")));
        assertEquals("it is not a regular file", failure(dir));
    }

    @Test
    void archiveWithoutConfig() throws IOException {
        Path file = zip("no-config.keras", "metadata.json", "{}".getBytes(StandardCharsets.UTF_8),
                "model.weights.h5", StructureTest.entry(good, "model.weights.h5"));
        assertEquals("the archive has no config.json (it holds metadata.json, model.weights.h5); a .keras file holds "
                + "metadata.json, config.json and model.weights.h5", failure(file));
    }

    @Test
    void archiveWithoutWeights() throws IOException {
        Path file = zip("no-weights.keras", "config.json", StructureTest.entry(good, "config.json"));
        assertEquals("the archive has no model.weights.h5 (it holds config.json)", failure(file));
    }

    @Test
    void badJson() throws IOException {
        Path file = zip("bad-json.keras", "config.json", "{\"class_name\": \"Sequential\", \"config\": {".getBytes(StandardCharsets.UTF_8),
                "model.weights.h5", StructureTest.entry(good, "model.weights.h5"));
        assertTrue(failure(file).startsWith("config.json is not valid JSON: Unexpected end-of-input"), failure(file));
    }

    @Test
    void weightsThatAreNotHdf5() throws IOException {
        Path file = zip("bad-h5.keras", "config.json", StructureTest.entry(good, "config.json"),
                "model.weights.h5", "not an HDF5 file at all".getBytes(StandardCharsets.UTF_8));
        assertTrue(failure(file).startsWith("model.weights.h5 is not a valid HDF5 file or is damaged ("), failure(file));
    }

    @Test
    void truncatedWeights() throws IOException {
        byte[] h5 = StructureTest.entry(good, "model.weights.h5");
        Path file = zip("short-h5.keras", "config.json", StructureTest.entry(good, "config.json"),
                "model.weights.h5", Arrays.copyOf(h5, h5.length - 200));
        assertTrue(failure(file).startsWith("model.weights.h5 is not a valid HDF5 file or is damaged ("), failure(file));
    }

    @Test
    void flippedByteInsideTheWeightsFailsTheCrcCheck() throws IOException {
        byte[] damaged = goodBytes.clone();
        int at = indexOf(damaged, "HDF".getBytes(StandardCharsets.US_ASCII)) + 300;
        damaged[at] ^= 0x10;
        Path file = dir.resolve("flipped.keras");
        Files.write(file, damaged);
        assertEquals("the entry model.weights.h5 fails its CRC check; the file is damaged", failure(file));
    }

    /** A flipped bit in the central directory's size of an entry declares a gigabyte; nothing that large is reserved. */
    @Test
    void damagedDeclaredSizeReservesNoMoreThanTheArchiveHolds() throws IOException {
        byte[] damaged = goodBytes.clone();
        int header = indexOf(damaged, centralDirectoryHeader("model.weights.h5"));
        int size = header + 24; // uncompressed size, 4 bytes little-endian
        long declared = (damaged[size] & 0xffL) | (damaged[size + 1] & 0xffL) << 8 | (damaged[size + 2] & 0xffL) << 16
                | (damaged[size + 3] & 0xffL) << 24;
        damaged[size + 3] ^= 0x40;
        Path file = dir.resolve("declared-gigabyte.keras");
        Files.write(file, damaged);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        String message = failure(file);

        assertTrue(threads.getCurrentThreadAllocatedBytes() - before < 64 << 20, "allocated " + (threads.getCurrentThreadAllocatedBytes() - before));
        assertEquals("the entry model.weights.h5 has " + declared + " bytes but the archive declares " + (declared + (1L << 30))
                + "; the file is damaged or truncated", message);
    }

    /** The start of the central directory record of {@code name}: its signature, up to its name. */
    private byte[] centralDirectoryHeader(String name) throws IOException {
        byte[] bytes = goodBytes;
        byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + 46 + nameBytes.length <= bytes.length; i++) {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 1 && bytes[i + 3] == 2
                    && Arrays.equals(Arrays.copyOfRange(bytes, i + 46, i + 46 + nameBytes.length), nameBytes)) {
                return Arrays.copyOfRange(bytes, i, i + 46 + nameBytes.length);
            }
        }
        throw new AssertionError("no central directory record for " + name);
    }

    /**
     * A config whose sizes were damaged (a Dense of 100,000,000 units) is refused for not fitting the weights
     * that come with it, before any layer allocates its variables.
     */
    @Test
    void configAskingForMoreWeightsThanTheFileHoldsIsRefusedBeforeAllocating() throws IOException {
        ObjectNode config = (ObjectNode) new ObjectMapper().readTree(StructureTest.entry(good, "config.json"));
        ((ObjectNode) config.get("config").get("layers").get(3).get("config")).put("units", 100_000_000);
        Path file = zip("huge.keras", "config.json", config.toString().getBytes(StandardCharsets.UTF_8),
                "model.weights.h5", StructureTest.entry(good, "model.weights.h5"));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        String message = failure(file);

        assertTrue(threads.getCurrentThreadAllocatedBytes() - before < 64 << 20, "allocated " + (threads.getCurrentThreadAllocatedBytes() - before));
        // (6 x 4 + 4) + (4 x 100,000,000 + 100,000,000) values asked; 43 weights, iterations, learning rate and 2 x 43 Adam slots stored.
        assertEquals("the config describes layers whose variables hold 500000028 values, but the weights hold only 131 values in all;"
                + " the config does not belong to these weights", message);
    }

    @Test
    void sizesBeyondJavaArraysAreRefused() throws IOException {
        ObjectNode config = (ObjectNode) new ObjectMapper().readTree(StructureTest.entry(good, "config.json"));
        ((ObjectNode) config.get("config").get("layers").get(2).get("config")).put("units", Integer.MAX_VALUE);
        ModelFileException e = assertThrows(ModelFileException.class, () -> Saving.fromJson(config.toString()));
        // a 6 x (2^31 - 1) kernel
        assertEquals("Cannot load model JSON: Layer 'dense' (Dense, index 1) would hold 12884901882 values for input (None, 6), more"
                + " than keras4j can hold in one array (2147483639)", e.getMessage());

        ObjectNode wide = (ObjectNode) new ObjectMapper().readTree(StructureTest.entry(good, "config.json"));
        ((ObjectNode) wide.get("config").get("layers").get(0).get("config")).set("batch_shape",
                new ObjectMapper().readTree("[null, 65536, 65536]"));
        ((ObjectNode) wide.get("config").get("layers").get(1)).remove("build_config");
        e = assertThrows(ModelFileException.class, () -> Saving.fromJson(wide.toString()));
        assertEquals("Cannot load model JSON: Layer 'flatten' (Flatten, index 0) would output more than 2147483647 values per sample"
                + " for input (None, 65536, 65536)", e.getMessage());
    }

    private Path zip(String name, Object... entries) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < entries.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) entries[i]));
                zip.write((byte[]) entries[i + 1]);
                zip.closeEntry();
            }
        }
        return file;
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("pattern not found");
    }
}
