package io.github.keras4j.saving;

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
import static org.junit.jupiter.api.Assertions.fail;

/** Damaged, truncated or foreign files fail with a message naming the file and the problem, never with a parser's stack trace. */
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

    /**
     * Fuzz: many truncations and byte flips of a valid file either still load (a flip in an unused byte) or fail
     * with a ModelFileException; no other exception escapes.
     */
    @Test
    void damagedCopiesLoadOrFailCleanly() throws IOException {
        SplittableRandom random = new SplittableRandom(2024);
        Path file = dir.resolve("fuzz.keras");
        int failures = 0;
        for (int round = 0; round < 150; round++) {
            byte[] bytes;
            if (round % 3 == 0) {
                bytes = Arrays.copyOf(goodBytes, random.nextInt(goodBytes.length));
            } else {
                bytes = goodBytes.clone();
                for (int k = 0; k < 1 + random.nextInt(4); k++) {
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            Files.write(file, bytes);
            try {
                Saving.loadModel(file);
            } catch (ModelFileException expected) {
                failures++;
            } catch (RuntimeException | Error e) {
                fail("round " + round + ": " + e, e);
            }
        }
        assertTrue(failures > 100, "most damaged copies are rejected, got " + failures);
    }

    /**
     * Fuzz past the CRC check: damaged HDF5 and JSON inside a well-formed archive reach the parsers and still
     * load or fail with a ModelFileException.
     */
    @Test
    void damagedEntriesInsideAValidArchiveLoadOrFailCleanly() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        byte[] config = StructureTest.entry(good, "config.json");
        byte[] h5 = StructureTest.entry(good, "model.weights.h5");
        int failures = 0;
        for (int round = 0; round < 120; round++) {
            byte[] c = config;
            byte[] w = h5;
            if (round % 4 == 0) {
                c = damage(config, random);
            } else {
                w = damage(h5, random);
            }
            Path file = zip("fuzz-" + round + ".keras", "config.json", c, "model.weights.h5", w);
            try {
                Saving.loadModel(file);
            } catch (ModelFileException expected) {
                failures++;
            } catch (RuntimeException | Error e) {
                fail("round " + round + ": " + e, e);
            } finally {
                Files.delete(file);
            }
        }
        assertTrue(failures > 30, "damaged entries are rejected, got " + failures + " failures");
    }

    private static byte[] damage(byte[] data, SplittableRandom random) {
        if (random.nextInt(3) == 0) {
            return Arrays.copyOf(data, random.nextInt(data.length));
        }
        byte[] out = data.clone();
        for (int k = 0; k < 1 + random.nextInt(4); k++) {
            out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return out;
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
