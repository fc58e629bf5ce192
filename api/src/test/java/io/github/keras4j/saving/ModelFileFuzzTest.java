package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.keras4j.engine.LayerStack;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Flatten;
import io.github.keras4j.losses.SparseCategoricalCrossentropy;
import io.github.keras4j.optimizers.Adam;
import io.github.keras4j.random.SeedGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Feeds the model-file readers damaged copies of valid files: truncated and bit-flipped {@code .keras}
 * archives, damaged entries inside well-formed archives (past the CRC check, so the JSON and HDF5 parsers see
 * them), configs with edited values, keys and class names, and damaged {@code .weights.h5} files. Every input
 * must load, or fail with a {@link ModelFileException} naming the file: never another exception, an
 * {@link OutOfMemoryError}, a large allocation, a hang, or (for weights files) a partly loaded model.
 *
 * <p>Inputs come from a seeded generator, one per try, so a failure names the seed and the try that
 * reproduce it. Each test runs {@value #DEFAULT_TRIES} inputs by default; a longer campaign:
 * <pre>
 * mvn -B test -pl api -am -Dtest=ModelFileFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dkeras4j.fuzz.tries=20000 -Dkeras4j.fuzz.seed=7
 * </pre>
 */
class ModelFileFuzzTest {
    static final int DEFAULT_TRIES = 200;
    private static final int TRIES = Integer.getInteger("keras4j.fuzz.tries", DEFAULT_TRIES);
    private static final long SEED = Long.getLong("keras4j.fuzz.seed", 20_241_127L);
    /** Far above what loading these small files allocates, far below a buffer or layer sized by a damaged header or config. */
    private static final long MAX_ALLOCATION = 64L << 20;
    /** A load that takes this long has hung; a normal one takes milliseconds. */
    private static final long HANG_SECONDS = 60;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static volatile Thread readerThread;
    private static final ExecutorService READER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "model-file-fuzz-reader");
        t.setDaemon(true);
        readerThread = t;
        return t;
    });

    @TempDir
    static Path files;
    /** A small model (Flatten, Dense, Dense) trained one step with Adam, and a rich one (every initializer, RMSprop). */
    private static byte[] small;
    private static byte[] rich;
    private static byte[] smallWeights;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeValidFiles() throws Exception {
        READER.submit(() -> { }).get(); // the thread exists before the first measurement
        Path smallFile = files.resolve("small.keras");
        Saving.saveModel(smallModel(), smallFile);
        small = Files.readAllBytes(smallFile);
        Path weightsFile = files.resolve("small.weights.h5");
        Saving.saveWeights(smallModel(), weightsFile);
        smallWeights = Files.readAllBytes(weightsFile);

        ModelDescription every = Saving.fromJson(Keras3ConfigsTest.resource(Keras3ConfigsTest.EVERY_INITIALIZER));
        TestModels.train(TestModels.stack(every.layers()), every.compile().loss(), every.compile().optimizer(),
                TestModels.inputs(1, 8, 5), TestModels.labels(2, 8, 2).reshape(8, 1), 1, 8);
        Path richFile = files.resolve("rich.keras");
        Saving.saveModel(every, richFile);
        rich = Files.readAllBytes(richFile);
    }

    @AfterAll
    static void stopReader() {
        READER.shutdownNow();
    }

    private static ModelDescription smallModel() {
        SeedGenerator.setGlobalSeed(31);
        LayerStack stack = TestModels.stack(List.of(new Flatten().inputShape(3, 2), new Dense(4, "relu"), new Dense(3, "softmax")));
        Adam adam = new Adam();
        SparseCategoricalCrossentropy loss = new SparseCategoricalCrossentropy();
        TestModels.train(stack, loss, adam, TestModels.inputs(1, 8, 3, 2), TestModels.labels(2, 8, 3), 1, 8);
        return TestModels.describe(stack, adam, loss, "accuracy");
    }

    @Test
    void damagedArchivesLoadOrFailCleanly() throws Exception {
        Counts counts = run("damaged archives", (random, file) -> {
            Files.write(file, damage(random.nextBoolean() ? small : rich, random));
            return load(file);
        });
        assertTrue(counts.refused >= TRIES / 2, "most damaged archives are refused (their CRC fails): " + counts);
    }

    @Test
    void damagedEntriesInsideValidArchivesLoadOrFailCleanly() throws Exception {
        Counts counts = run("damaged entries", (random, file) -> {
            byte[] archive = random.nextBoolean() ? small : rich;
            byte[] config = StructureTest.entry(archive(archive), KerasArchive.CONFIG);
            byte[] weights = StructureTest.entry(archive(archive), KerasArchive.WEIGHTS);
            if (random.nextInt(4) == 0) {
                config = damage(config, random);
            } else {
                weights = damage(weights, random);
            }
            zip(file, config, weights);
            return load(file);
        });
        assertTrue(counts.refused >= TRIES / 5, "damaged entries are refused: " + counts);
    }

    @Test
    void editedConfigsLoadOrFailCleanly() throws Exception {
        byte[] weights = StructureTest.entry(archive(rich), KerasArchive.WEIGHTS);
        JsonNode config = MAPPER.readTree(StructureTest.entry(archive(rich), KerasArchive.CONFIG));
        Counts counts = run("edited configs", (random, file) -> {
            JsonNode edited = JsonEdits.apply(config, random, 1 + random.nextInt(3));
            zip(file, MAPPER.writeValueAsBytes(edited), weights);
            return load(file);
        });
        assertTrue(counts.refused >= TRIES / 5 && counts.loaded >= TRIES / 20, "edits both load and fail: " + counts);
    }

    @Test
    void damagedWeightsFilesLoadOrFailWithoutChangingTheModel() throws Exception {
        Counts counts = run("damaged weights files", (random, file) -> {
            Path weightsFile = file.resolveSibling("fuzz.weights.h5");
            Files.write(weightsFile, damage(smallWeights, random));
            ModelDescription target = smallModel();
            List<float[]> before = TestModels.weights(target.layers());
            long iterations = target.compile().optimizer().iterations();
            boolean loaded = call(() -> {
                Saving.loadWeights(weightsFile, target);
                return true;
            }, weightsFile);
            if (!loaded) {
                List<float[]> after = TestModels.weights(target.layers());
                for (int i = 0; i < before.size(); i++) {
                    assertArrayEquals(before.get(i), after.get(i), "a failed load changed parameter " + i);
                }
                assertEquals(iterations, target.compile().optimizer().iterations(), "a failed load changed the optimizer");
            }
            return loaded;
        });
        assertTrue(counts.refused >= TRIES / 5, "damaged weights files are refused: " + counts);
    }

    /** Truncates or flips one to four bits. */
    private static byte[] damage(byte[] data, SplittableRandom random) {
        if (random.nextInt(3) == 0) {
            return Arrays.copyOf(data, random.nextInt(data.length));
        }
        byte[] out = data.clone();
        int flips = 1 + random.nextInt(4);
        for (int k = 0; k < flips; k++) {
            out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return out;
    }

    private Path archive(byte[] bytes) throws IOException {
        Path file = dir.resolve("source.keras");
        Files.write(file, bytes);
        return file;
    }

    private static void zip(Path file, byte[] config, byte[] weights) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(KerasArchive.CONFIG));
            zip.write(config);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(KerasArchive.WEIGHTS));
            zip.write(weights);
            zip.closeEntry();
        }
    }

    /** Loads {@code file} as a model: true when it loaded, false when it failed as documented. */
    private static boolean load(Path file) throws InterruptedException {
        return call(() -> {
            Saving.loadModel(file);
            return true;
        }, file);
    }

    /**
     * Runs a load on the reader thread: true when it returned, false when it failed with a ModelFileException
     * naming {@code file}; anything else, a hang or a large allocation is an escape and fails the test.
     */
    private static boolean call(Callable<Boolean> load, Path file) throws InterruptedException {
        long before = allocatedBytes();
        Future<Boolean> result = READER.submit(load);
        try {
            boolean loaded = result.get(HANG_SECONDS, TimeUnit.SECONDS);
            assertAllocatedLittle(before);
            return loaded;
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new AssertionError("the load hung for " + HANG_SECONDS + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ModelFileException && cause.getMessage().startsWith("Cannot load file '" + file + "': ")) {
                assertAllocatedLittle(before);
                return false;
            }
            throw new AssertionError("escaped: " + cause, cause);
        }
    }

    private static void assertAllocatedLittle(long before) {
        long allocated = allocatedBytes() - before;
        assertTrue(allocated < MAX_ALLOCATION, "the load allocated " + allocated + " bytes");
    }

    /** Bytes allocated so far by the thread that runs the loads. */
    private static long allocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return readerThread == null ? 0 : threads.getThreadAllocatedBytes(readerThread.getId());
    }

    private interface Case {
        /** Makes one input from {@code random}, writes it to {@code file}, loads it: true when it loaded. */
        boolean check(SplittableRandom random, Path file) throws Exception;
    }

    /** How many inputs loaded and how many were refused. */
    private record Counts(int loaded, int refused) {
    }

    private Counts run(String name, Case check) throws Exception {
        Path file = dir.resolve("fuzz-input.keras");
        int loaded = 0;
        for (int i = 0; i < TRIES; i++) {
            try {
                if (check.check(new SplittableRandom(SEED * 1_000_003L + i), file)) {
                    loaded++;
                }
            } catch (AssertionError | Exception e) {
                throw new AssertionError(name + ": seed " + SEED + ", try " + i + ": " + e.getMessage(), e);
            }
        }
        Counts counts = new Counts(loaded, TRIES - loaded);
        System.out.println("Model file fuzz, " + name + ": " + TRIES + " inputs (seed " + SEED + "), " + counts.loaded
                + " loaded, " + counts.refused + " refused, none escaped");
        return counts;
    }
}
