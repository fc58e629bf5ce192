package io.github.keras4j.data;

import io.github.keras4j.backend.NativeMemory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Path;

/**
 * Images and labels streamed from two IDX files (MNIST's and Fashion-MNIST's format, {@code .gz} or plain), a batch
 * at a time, so a file of any size trains in the memory of a few batches. Batch {@code i} holds samples
 * {@code [i * batchSize, (i + 1) * batchSize)} in file order: {@code x} of shape {@code (batch, rows, columns)} with
 * the raw pixel values 0..255 as float32, {@code y} of shape {@code (batch,)} with the class indices. Scale and
 * encode with {@link Dataset#map}, overlap reading with training with {@link Dataset#prefetch}:
 * <pre>{@code
 * Dataset train = IdxSource.of(images, labels, 32)
 *         .map(Transforms.divide(255)).map(Transforms.oneHot(10))
 *         .prefetch(2);
 * }</pre>
 * Each batch is made of new arrays, so a batch stays valid while later ones are read.
 */
public final class IdxSource implements Dataset {
    private final IdxFile images;
    private final IdxFile labels;
    private final int batchSize;
    private byte[] imageBytes = new byte[0];
    private byte[] labelBytes = new byte[0];
    private float[] values = new float[0];

    private IdxSource(IdxFile images, IdxFile labels, int batchSize) {
        this.images = images;
        this.labels = labels;
        this.batchSize = batchSize;
    }

    /** The images of {@code images} (3 dimensions) with the labels of {@code labels} (1 dimension), in batches of {@code batchSize}. */
    public static IdxSource of(Path images, Path labels, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("IdxSource: batchSize must be >= 1, got " + batchSize);
        }
        IdxFile x = new IdxFile(images, 3);
        IdxFile y = new IdxFile(labels, 1);
        if (x.samples() != y.samples()) {
            throw new IllegalArgumentException(images + " holds " + x.samples() + " images but " + labels + " holds " + y.samples()
                    + " labels: pass the labels file that belongs to the images file.");
        }
        return new IdxSource(x, y, batchSize);
    }

    /** The number of samples in the files. */
    public int samples() {
        return images.samples();
    }

    @Override
    public int numBatches() {
        return (images.samples() + batchSize - 1) / batchSize;
    }

    @Override
    public synchronized Batch batch(int index) {
        if (index < 0 || index >= numBatches()) {
            throw new IndexOutOfBoundsException("batch " + index + " of an IdxSource of " + numBatches() + " batches");
        }
        long first = (long) index * batchSize;
        int count = (int) Math.min(batchSize, images.samples() - first);
        int[] shape = images.sampleShape();
        int pixels = count * images.sampleBytes();
        if (imageBytes.length < pixels) {
            imageBytes = new byte[pixels];
            values = new float[Math.max(pixels, values.length)];
        }
        if (labelBytes.length < count) {
            labelBytes = new byte[count];
        }
        images.read(first, count, imageBytes);
        labels.read(first, count, labelBytes);
        INDArray x = NativeMemory.create(DataType.FLOAT, count, shape[0], shape[1]);
        for (int i = 0; i < pixels; i++) {
            values[i] = imageBytes[i] & 0xff;
        }
        NativeMemory.writeFloats(values, x, 0, pixels);
        INDArray y = NativeMemory.create(DataType.FLOAT, count);
        for (int i = 0; i < count; i++) {
            values[i] = labelBytes[i] & 0xff;
        }
        NativeMemory.writeFloats(values, y, 0, count);
        return new Batch(x, y);
    }

    /** Closes the files (a later batch opens them again). */
    @Override
    public void release() {
        images.close();
        labels.close();
    }

    @Override
    public String toString() {
        return "IdxSource[" + images.path() + ", " + labels.path() + ", " + samples() + " samples, batchSize " + batchSize + "]";
    }
}
