package io.github.keras4j.datasets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static io.github.keras4j.datasets.IdxFiles.gzip;
import static io.github.keras4j.datasets.IdxFiles.gzipWithName;
import static io.github.keras4j.datasets.IdxFiles.idx;
import static io.github.keras4j.datasets.IdxReader.ANY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Feeds {@link IdxReader} random bytes, truncations and bit flips of small valid files (raw and gzip) and
 * headers declaring huge sizes. Every input must end in an {@link IdxFormatException} naming the file, or
 * in data consistent with the input: never another exception, an {@link OutOfMemoryError}, a large
 * allocation, a hang, or partial data.
 *
 * <p>Inputs come from a seeded generator, so a run is reproducible: a failure names the seed, the try
 * and the input in hex. Each test runs {@value #DEFAULT_TRIES} inputs by default; a longer campaign:
 * <pre>
 * mvn -B test -pl api -am -Dtest=IdxReaderFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dkeras4j.fuzz.tries=200000 -Dkeras4j.fuzz.seed=7
 * </pre>
 */
class IdxReaderFuzzTest {
    static final int DEFAULT_TRIES = 1000;
    private static final int TRIES = Integer.getInteger("keras4j.fuzz.tries", DEFAULT_TRIES);
    private static final long SEED = Long.getLong("keras4j.fuzz.seed", 20_240_601L);
    /** Far above any legitimate read here (inputs hold a few hundred bytes), far below a huge declared size. */
    private static final long MAX_ALLOCATION = 8 << 20;
    /** A read that takes this long has hung; a normal one takes microseconds. */
    private static final long HANG_SECONDS = 60;

    private static volatile Thread readerThread;
    private static final ExecutorService READER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "idx-fuzz-reader");
        t.setDaemon(true);
        readerThread = t;
        return t;
    });

    @TempDir
    Path dir;

    @BeforeAll
    static void startReader() throws Exception {
        READER.submit(() -> { }).get(); // the thread exists before the first measurement
    }

    @AfterAll
    static void stopReader() {
        READER.shutdownNow();
    }

    @Test
    void randomBytesNeverEscape() throws Exception {
        run("random bytes", (random, file) -> {
            byte[] noise = new byte[random.nextInt(64)];
            random.nextBytes(noise);
            int rank = 1 + random.nextInt(3);
            byte[] plain = random.nextBoolean() ? noise : IdxFiles.concat(new byte[] {0, 0, 8, (byte) rank}, noise);
            byte[] content = random.nextBoolean() ? plain : gzip(plain);
            Files.write(file, content);
            IdxReader.IdxData data = read(file, any(rank), content);
            if (data != null) {
                assertConsistent(data, rank);
                // Whatever was accepted is exactly the file's (decompressed) content after its header.
                assertEquals(plain.length, 4 + 4 * rank + data.data().length, "content length");
                assertArrayEquals(Arrays.copyOfRange(plain, 4 + 4 * rank, plain.length), data.data(), "payload");
            }
        });
    }

    @Test
    void truncationsAlwaysFail() throws Exception {
        run("truncations", (random, file) -> {
            Valid valid = Valid.random(random);
            byte[] cut = Arrays.copyOf(valid.file, random.nextInt(valid.file.length));
            Files.write(file, cut);
            IdxReader.IdxData data = read(file, any(valid.dims.length), cut);
            if (data != null) {
                fail("a truncated file (" + cut.length + " of " + valid.file.length + " bytes) was accepted: "
                        + HexFormat.of().formatHex(cut));
            }
        });
    }

    @Test
    void bitFlipsFailOrChangeOnlyPayload() throws Exception {
        run("bit flips", (random, file) -> {
            Valid valid = Valid.random(random);
            byte[] flipped = valid.file.clone();
            int flips = 1 + random.nextInt(4);
            for (int i = 0; i < flips; i++) {
                int bit = random.nextInt(flipped.length * 8);
                flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            }
            Files.write(file, flipped);
            IdxReader.IdxData data = read(file, any(valid.dims.length), flipped);
            if (data != null) {
                assertArrayEquals(valid.dims, data.dims(), "sizes after bit flips");
                // gzip's CRC-32 catches changed content; a raw file has no checksum, its payload is what it says.
                byte[] expected = valid.compressed ? valid.payload
                        : Arrays.copyOfRange(flipped, flipped.length - valid.payload.length, flipped.length);
                assertArrayEquals(expected, data.data(), "payload after bit flips");
            }
        });
    }

    @Test
    void hugeDeclaredSizesAreRefusedCheaply() throws Exception {
        long[] interesting = {0, 1, 28, 60_000, 1L << 16, (1L << 31) - 1, 1L << 31, (1L << 32) - 1};
        run("huge sizes", (random, file) -> {
            int rank = 1 + random.nextInt(3);
            long[] sizes = new long[rank];
            for (int i = 0; i < rank; i++) {
                sizes[i] = random.nextBoolean() ? interesting[random.nextInt(interesting.length)]
                        : random.nextLong() & 0xffffffffL;
            }
            byte[] payload = new byte[random.nextInt(64)];
            random.nextBytes(payload);
            byte[] raw = idx(sizes, payload);
            byte[] content = random.nextBoolean() ? raw : gzip(raw);
            Files.write(file, content);
            long before = allocatedBytes();
            IdxReader.IdxData data = read(file, any(rank), content);
            long allocated = allocatedBytes() - before;
            assertTrue(allocated < MAX_ALLOCATION, "allocated " + allocated + " bytes for sizes " + Arrays.toString(sizes));
            if (data != null) {
                assertConsistent(data, rank);
                assertEquals(payload.length, data.data().length);
            }
        });
    }

    /** A small valid file, raw or gzip, with what it holds. */
    private record Valid(int[] dims, byte[] payload, byte[] file, boolean compressed) {
        static Valid random(Random random) {
            int rank = 1 + random.nextInt(3);
            int[] dims = new int[rank];
            long[] sizes = new long[rank];
            int n = 1;
            for (int i = 0; i < rank; i++) {
                dims[i] = 1 + random.nextInt(6);
                sizes[i] = dims[i];
                n *= dims[i];
            }
            byte[] payload = new byte[n];
            random.nextBytes(payload);
            byte[] raw = idx(sizes, payload);
            return switch (random.nextInt(3)) {
                case 0 -> new Valid(dims, payload, raw, false);
                case 1 -> new Valid(dims, payload, gzip(raw), true);
                default -> new Valid(dims, payload, gzipWithName(raw, "t10k-labels-idx1-ubyte"), true);
            };
        }
    }

    private interface Case {
        void check(Random random, Path file) throws Exception;
    }

    private void run(String name, Case check) throws Exception {
        Path file = dir.resolve("fuzz-input.gz");
        for (int i = 0; i < TRIES; i++) {
            try {
                check.check(new Random(SEED * 1_000_003L + i), file);
            } catch (AssertionError | Exception e) {
                throw new AssertionError(name + ": seed " + SEED + ", try " + i + ": " + e.getMessage(), e);
            }
        }
        System.out.println("IdxReader fuzz, " + name + ": " + TRIES + " inputs (seed " + SEED + "), none escaped");
    }

    /** The read's result, or null if it failed as documented; anything else fails the test. */
    private static IdxReader.IdxData read(Path file, int[] dims, byte[] content) throws InterruptedException {
        Future<IdxReader.IdxData> result = READER.submit(() -> IdxReader.read(file, dims));
        try {
            return result.get(HANG_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new AssertionError("read hung on " + HexFormat.of().formatHex(content));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IdxFormatException && cause.getMessage().startsWith(file + ": ")) {
                return null;
            }
            throw new AssertionError("escaped: " + cause + " on " + HexFormat.of().formatHex(content), cause);
        }
    }

    private static void assertConsistent(IdxReader.IdxData data, int rank) {
        assertEquals(rank, data.dims().length);
        long n = 1;
        for (int d : data.dims()) {
            n *= d;
        }
        assertEquals(n, data.data().length, "payload length is the product of the sizes");
    }

    private static int[] any(int rank) {
        int[] dims = new int[rank];
        Arrays.fill(dims, ANY);
        return dims;
    }

    /** Bytes allocated so far by the thread that runs the reads. */
    private static long allocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return readerThread == null ? 0 : threads.getThreadAllocatedBytes(readerThread.getId());
    }
}
