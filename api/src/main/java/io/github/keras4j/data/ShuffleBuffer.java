package io.github.keras4j.data;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.random.SplitMixRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link Dataset#shuffle}: tf.data's {@code shuffle(buffer_size)} for a stream. The source's samples pass through a
 * buffer of {@code bufferSize} samples (and at least one of the source's batches: the buffer is filled a batch at a
 * time), and each batch is drawn from the buffer at random (seeded), so a sample moves at most about
 * {@code bufferSize} places; a buffer as large as the data shuffles it completely. The batches keep the
 * source's count and sizes; the generator continues across epochs, so every epoch has a new order, the same for the
 * same seed. Batches must be asked for in order ({@code 0, 1, ...}, as fit does); asking for batch 0 starts again.
 */
final class ShuffleBuffer extends ForwardingDataset {
    private final int bufferSize;
    private final SplitMixRandom random;
    private final List<float[]> xs = new ArrayList<>();
    private final List<float[]> ys = new ArrayList<>();
    private final ArrayDeque<Integer> sizes = new ArrayDeque<>();
    private long[] xShape;
    private long[] yShape;
    private int read;
    private boolean exhausted;
    private int next;

    ShuffleBuffer(Dataset source, int bufferSize, long seed) {
        super(source);
        if (bufferSize < 1) {
            throw new IllegalArgumentException("shuffle needs a buffer of at least 1 sample, got " + bufferSize);
        }
        this.bufferSize = bufferSize;
        this.random = new SplitMixRandom(seed);
    }

    @Override
    public synchronized Batch batch(int index) {
        if (index == 0) {
            xs.clear();
            ys.clear();
            sizes.clear();
            read = 0;
            exhausted = false;
            next = 0;
        } else if (index != next) {
            throw new IllegalStateException("a shuffled stream is read in order: batch " + index + " was asked for after batch "
                    + (next - 1) + ". Read batches 0, 1, ... (as fit does), or start again at 0.");
        }
        while (!exhausted && (xs.size() < bufferSize || sizes.isEmpty())) {
            fill();
        }
        if (sizes.isEmpty()) {
            return null; // the stream has ended and the buffer is empty
        }
        int size = Math.min(sizes.poll(), xs.size());
        next++;
        INDArray x = NativeMemory.create(DataType.FLOAT, withBatch(xShape, size));
        INDArray y = yShape == null ? null : NativeMemory.create(DataType.FLOAT, withBatch(yShape, size));
        int xLength = xs.get(0).length, yLength = yShape == null ? 0 : ys.get(0).length;
        float[] xOut = new float[size * xLength], yOut = new float[size * yLength];
        for (int i = 0; i < size; i++) {
            int pick = random.nextInt(xs.size());
            System.arraycopy(xs.get(pick), 0, xOut, i * xLength, xLength);
            removeSwap(xs, pick);
            if (y != null) {
                System.arraycopy(ys.get(pick), 0, yOut, i * yLength, yLength);
                removeSwap(ys, pick);
            }
        }
        NativeMemory.writeFloats(xOut, x, 0, xOut.length);
        if (y != null) {
            NativeMemory.writeFloats(yOut, y, 0, yOut.length);
        }
        return new Batch(x, y);
    }

    /** Reads the source's next batch into the buffer, one float array per sample. */
    private void fill() {
        int count = source.numBatches();
        Batch b = count != UNKNOWN && read >= count ? null : source.batch(read);
        if (b == null) {
            exhausted = true;
            return;
        }
        read++;
        INDArray x = b.x().castTo(DataType.FLOAT);
        INDArray y = b.y() == null ? null : b.y().castTo(DataType.FLOAT);
        int n = (int) x.size(0);
        if (xShape == null) {
            xShape = Arrays.copyOfRange(x.shape(), 1, x.rank());
            yShape = y == null ? null : Arrays.copyOfRange(y.shape(), 1, y.rank());
        }
        float[] xv = new float[(int) x.length()];
        NativeMemory.readFloats(NativeMemory.contiguous(x), xv);
        float[] yv = y == null ? null : new float[(int) y.length()];
        if (y != null) {
            NativeMemory.readFloats(NativeMemory.contiguous(y), yv);
        }
        int xLength = xv.length / n, yLength = yv == null ? 0 : yv.length / n;
        for (int i = 0; i < n; i++) {
            xs.add(Arrays.copyOfRange(xv, i * xLength, (i + 1) * xLength));
            if (yv != null) {
                ys.add(Arrays.copyOfRange(yv, i * yLength, (i + 1) * yLength));
            }
        }
        sizes.add(n);
    }

    private static void removeSwap(List<float[]> list, int i) {
        int last = list.size() - 1;
        list.set(i, list.get(last));
        list.remove(last);
    }

    private static long[] withBatch(long[] sample, long batch) {
        long[] s = new long[sample.length + 1];
        s[0] = batch;
        System.arraycopy(sample, 0, s, 1, sample.length);
        return s;
    }

    @Override
    public String toString() {
        return source + ".shuffle(" + bufferSize + ")";
    }
}
