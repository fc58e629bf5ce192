package io.github.keras4j.data;

import io.github.keras4j.SyntheticData;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Flatten;
import io.github.keras4j.models.FitOptions;
import io.github.keras4j.models.Sequential;
import io.github.keras4j.utils.Utils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

import static io.github.keras4j.SyntheticData.floats;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** IDX files streamed a batch at a time give exactly the arrays read whole, and train to the same weights. */
class IdxSourceTest {
    private static final int N = 250;
    @TempDir
    static Path tmp;
    static INDArray pixels;
    static INDArray labels;

    @BeforeAll
    static void writeFiles() throws IOException {
        Random r = new Random(5);
        byte[] image = new byte[N * 28 * 28];
        byte[] label = new byte[N];
        r.nextBytes(image);
        for (int i = 0; i < N; i++) {
            label[i] = (byte) r.nextInt(10);
        }
        for (boolean gzip : new boolean[] {false, true}) {
            IdxFiles.write(tmp.resolve("images" + (gzip ? ".gz" : "")), new int[] {N, 28, 28}, image, gzip);
            IdxFiles.write(tmp.resolve("labels" + (gzip ? ".gz" : "")), new int[] {N}, label, gzip);
        }
        float[] p = new float[image.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = image[i] & 0xff;
        }
        float[] l = new float[N];
        for (int i = 0; i < N; i++) {
            l[i] = label[i];
        }
        pixels = Nd4j.create(p, new long[] {N, 28, 28}, 'c');
        labels = Nd4j.create(l, new long[] {N}, 'c');
    }

    private static IdxSource source(boolean gzip, int batchSize) {
        String ext = gzip ? ".gz" : "";
        return IdxSource.of(tmp.resolve("images" + ext), tmp.resolve("labels" + ext), batchSize);
    }

    @Test
    void batchesAreTheFilesRowsInAnyOrderPlainOrGzip() {
        for (boolean gzip : new boolean[] {false, true}) {
            IdxSource s = source(gzip, 32);
            assertEquals(8, s.numBatches());
            assertEquals(N, s.samples());
            for (int b : new int[] {0, 1, 7, 3, 3, 0}) { // backwards re-opens a gzip stream
                Batch batch = s.batch(b);
                int from = b * 32, to = Math.min(N, from + 32);
                assertEquals(to - from, batch.size());
                assertArrayEquals(floats(pixels.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to))), floats(batch.x()));
                assertArrayEquals(floats(labels.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to))), floats(batch.y()));
            }
            s.release();
        }
    }

    private static Sequential model() {
        Utils.setRandomSeed(17);
        Sequential m = new Sequential(new Flatten().inputShape(28, 28), new Dense(16, "relu"), new Dense(10, "softmax"));
        m.compile("adam", "categorical_crossentropy", "acc");
        return m;
    }

    @Test
    void aMappedPrefetchedStreamTrainsToTheWeightsOfTheArraysInMemory() {
        Sequential memory = model();
        var h1 = memory.fit(pixels.div(255), Utils.toCategorical(labels, 10),
                FitOptions.defaults().withVerbose(0).withEpochs(2).withBatchSize(32).withShuffle(false));
        Sequential streamed = model();
        Dataset stream = source(true, 32).map(b -> new Batch(b.x().divi(255), Utils.toCategorical(b.y(), 10))).prefetch(3);
        var h2 = streamed.fit(stream, FitOptions.defaults().withVerbose(0).withEpochs(2));
        assertEquals(Utils.fingerprint(memory), Utils.fingerprint(streamed));
        assertEquals(h1.history(), h2.history());
        assertFalse(((PrefetchDataset) stream).reading(), "fit stops the reading thread");
        assertArrayEquals(memory.evaluate(pixels.div(255), Utils.toCategorical(labels, 10)), streamed.evaluate(stream));
        assertArrayEquals(floats(memory.predict(pixels.div(255))), floats(streamed.predict(stream)));
    }

    @Test
    void prefetchHandsEveryRequestItsBatchAndStopsOnFailureAndStop() {
        Dataset failing = new Dataset() {
            @Override
            public int numBatches() {
                return 6;
            }

            @Override
            public Batch batch(int index) {
                if (index == 4) {
                    throw new IllegalStateException("bad sector");
                }
                return new Batch(pixels.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(index, index + 1)).dup(),
                        Utils.toCategorical(labels.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(index, index + 1)).dup(), 10));
            }
        };
        PrefetchDataset p = (PrefetchDataset) failing.prefetch(2);
        DatasetException e = assertThrows(DatasetException.class, () -> model().fit(p, FitOptions.defaults().withVerbose(0)));
        assertEquals("The training Dataset failed to deliver batch 4: java.lang.IllegalStateException: bad sector. The model keeps the"
                + " weights of its last complete step.", e.getMessage());
        assertFalse(p.reading());
        p.onEpochBegin();
        assertArrayEquals(floats(failing.batch(2).x()), floats(p.batch(2).x()), "out of order: read directly");
        assertArrayEquals(floats(failing.batch(3).x()), floats(p.batch(3).x()));
        p.release();
        assertFalse(p.reading());
        Sequential m = model();
        m.fit(p, FitOptions.defaults().withVerbose(0).withEpochs(3).withStepsPerEpoch(2).withCallbacks(
                new io.github.keras4j.callbacks.LambdaCallback().onEpochEnd((epoch, logs) -> m.stopTraining(true))));
        assertFalse(p.reading(), "stopped with stopTraining");
    }

    @Test
    void badFilesAreRefusedWithTheirNames() throws IOException {
        Path truncated = tmp.resolve("short");
        IdxFiles.write(truncated, new int[] {N + 1, 28, 28}, new byte[N * 28 * 28], false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IdxSource.of(truncated, tmp.resolve("labels"), 8));
        assertEquals(truncated + " declares 251 samples of 784 bytes (196800 bytes with its header) but holds 196016 bytes: the file is"
                + " truncated.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> IdxSource.of(tmp.resolve("labels"), tmp.resolve("labels"), 8));
        assertEquals(DataType.FLOAT, source(false, 8).batch(0).x().dataType());
    }
}
