package io.github.keras4j.data;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

import static io.github.keras4j.SyntheticData.floats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** tf.data's shuffle(buffer_size) over a stream: every sample once per epoch, moved at most about a buffer's length. */
class ShuffleBufferTest {
    private static final int N = 97, BATCH = 10;

    /** Sample i holds x = (i, -i) and label i, so an output batch shows where each of its samples came from. */
    private static Dataset numbered() {
        INDArray x = Nd4j.zeros(DataType.FLOAT, N, 2);
        INDArray y = Nd4j.zeros(DataType.FLOAT, N);
        for (int i = 0; i < N; i++) {
            x.putScalar(new long[] {i, 0}, i);
            x.putScalar(new long[] {i, 1}, -i);
            y.putScalar(i, i);
        }
        return new ArrayDataset(x, y, BATCH);
    }

    /** One epoch's sample numbers, in output order, checking x and y stayed together and the batch sizes kept. */
    private static List<Integer> epoch(Dataset d) {
        List<Integer> order = new ArrayList<>();
        for (int b = 0; b < d.numBatches(); b++) {
            Batch batch = d.batch(b);
            assertEquals(Math.min(BATCH, N - b * BATCH), batch.size(), "the source's batch sizes");
            float[] x = floats(batch.x()), y = floats(batch.y());
            for (int i = 0; i < batch.size(); i++) {
                assertEquals(y[i], x[2 * i]);
                assertEquals(-y[i], x[2 * i + 1], 0f);
                order.add((int) y[i]);
            }
        }
        return order;
    }

    @Test
    void everySampleOncePerEpochInANewSeededOrderEachEpoch() {
        Dataset shuffled = numbered().shuffle(30, 7);
        List<Integer> first = epoch(shuffled), second = epoch(shuffled);
        for (List<Integer> order : List.of(first, second)) {
            List<Integer> sorted = new ArrayList<>(order);
            sorted.sort(null);
            for (int i = 0; i < N; i++) {
                assertEquals(i, sorted.get(i));
            }
        }
        assertNotEquals(first, second, "a new order every epoch");
        assertEquals(first, epoch(numbered().shuffle(30, 7)), "the same seed, the same order");
        assertNotEquals(first, epoch(numbered().shuffle(30, 8)));
    }

    @Test
    void aSampleMovesAtMostAboutABuffersLengthAndABufferOfOneShufflesWithinBatches() {
        List<Integer> order = epoch(numbered().shuffle(20, 1));
        for (int p = 0; p < N; p++) {
            assertTrue(order.get(p) < p + 20 + BATCH, "sample " + order.get(p) + " at position " + p);
        }
        List<Integer> withinBatches = epoch(numbered().shuffle(1, 1)); // the buffer holds at least one source batch
        for (int p = 0; p < N; p++) {
            assertEquals(p / BATCH, withinBatches.get(p) / BATCH, "sample " + withinBatches.get(p) + " at position " + p);
        }
    }

    @Test
    void batchesAreReadInOrder() {
        Dataset shuffled = numbered().shuffle(20, 1);
        shuffled.batch(0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> shuffled.batch(3));
        assertEquals("a shuffled stream is read in order: batch 3 was asked for after batch 0. Read batches 0, 1, ... (as fit does),"
                + " or start again at 0.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> numbered().shuffle(0, 1));
    }
}
