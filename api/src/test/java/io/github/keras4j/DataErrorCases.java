package io.github.keras4j;

import io.github.keras4j.callbacks.LambdaCallback;
import io.github.keras4j.data.ArrayDataset;
import io.github.keras4j.data.Batch;
import io.github.keras4j.data.Dataset;
import io.github.keras4j.data.DatasetException;
import io.github.keras4j.data.CsvSource;
import io.github.keras4j.data.IdxSource;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.models.FitOptions;
import io.github.keras4j.models.Sequential;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/** The catalogue's entries about data that arrives a batch at a time: {@link Dataset}s, their batches, the on-batch methods. */
final class DataErrorCases implements CatalogueSection {
    private static final FitOptions QUIET = FitOptions.defaults().withVerbose(0);

    private static Sequential small() {
        Sequential m = new Sequential(new Dense(4, "relu").inputShape(3), new Dense(2, "softmax"));
        m.compile("adam", "categorical_crossentropy", "acc");
        return m;
    }

    private static INDArray x(int n) {
        return Nd4j.rand(DataType.FLOAT, n, 3);
    }

    private static INDArray y(int n) {
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, 2);
        for (int i = 0; i < n; i++) {
            y.putScalar(i, i % 2, 1);
        }
        return y;
    }

    /** A dataset of {@code count} batches (UNKNOWN for a stream) made by {@code make}. */
    private static Dataset dataset(int count, java.util.function.IntFunction<Batch> make) {
        return new Dataset() {
            @Override
            public int numBatches() {
                return count;
            }

            @Override
            public Batch batch(int index) {
                return make.apply(index);
            }
        };
    }

    @Override
    public void addTo(ErrorCases cases) throws java.io.IOException {
        datasets(cases);
        models(cases);
        sources(cases, java.nio.file.Files.createDirectories(cases.tmp().resolve("data")));
    }

    /** IDX files streamed, map and prefetch. */
    private static void sources(ErrorCases cases, java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path images = dir.resolve("images.idx"), labels = dir.resolve("labels.idx");
        io.github.keras4j.data.IdxFiles.write(images, new int[] {10, 28, 28}, new byte[10 * 784], false);
        io.github.keras4j.data.IdxFiles.write(labels, new int[] {10}, new byte[10], false);
        java.nio.file.Path nine = dir.resolve("nine-labels.idx");
        io.github.keras4j.data.IdxFiles.write(nine, new int[] {9}, new byte[9], false);
        java.nio.file.Path truncated = dir.resolve("truncated.idx");
        io.github.keras4j.data.IdxFiles.write(truncated, new int[] {10, 28, 28}, new byte[9 * 784], false);
        java.nio.file.Path longer = dir.resolve("longer.idx");
        io.github.keras4j.data.IdxFiles.write(longer, new int[] {10}, new byte[11], false);
        java.nio.file.Path header = dir.resolve("header.idx");
        java.nio.file.Files.write(header, new byte[] {0, 0, 8, 3, 0, 0});
        java.nio.file.Path truncatedGz = dir.resolve("truncated-images.idx.gz");
        io.github.keras4j.data.IdxFiles.write(truncatedGz, new int[] {10, 28, 28}, new byte[9 * 784], true);
        java.nio.file.Path csv = dir.resolve("train.csv");
        java.nio.file.Files.writeString(csv, "label,pixel0\n1,0\n");
        java.nio.file.Path rows = dir.resolve("rows.csv");
        java.nio.file.Files.writeString(rows, "label,a,b\n1,2,3\n0,4,x7\n1,2\n");
        java.nio.file.Path headerOnly = dir.resolve("header-only.csv");
        java.nio.file.Files.writeString(headerOnly, "label,a,b\n");
        java.nio.file.Path empty = dir.resolve("empty.csv");
        java.nio.file.Files.writeString(empty, "");
        java.nio.file.Path shrinking = dir.resolve("shrinking.csv");
        java.nio.file.Files.writeString(shrinking, "label,a\n1,2\n0,4\n");
        cases.add(IllegalArgumentException.class, () -> CsvSource.of(rows, "class", 32));
        cases.add(IllegalArgumentException.class, () -> CsvSource.of(rows, 3, true, 32));
        cases.add(IllegalArgumentException.class, () -> CsvSource.of(rows, "label", 0));
        cases.add(IllegalArgumentException.class, () -> CsvSource.of(headerOnly, "label", 32));
        cases.add(IllegalArgumentException.class, () -> CsvSource.of(empty, 0, false, 32));
        cases.add(java.io.UncheckedIOException.class, () -> CsvSource.of(dir.resolve("missing.csv"), "label", 32));
        cases.add(IllegalArgumentException.class, () -> CsvSource.of(rows, "label", 1).batch(1));
        cases.add(IllegalArgumentException.class, () -> CsvSource.of(rows, "label", 1).batch(2));
        cases.add(IndexOutOfBoundsException.class, () -> CsvSource.of(rows, "label", 1).batch(3));
        cases.add(IllegalArgumentException.class, () -> {
            CsvSource source = CsvSource.of(shrinking, "label", 2);
            java.nio.file.Files.writeString(shrinking, "label,a\n1,2\n");
            source.batch(0);
        });
        cases.add(IllegalArgumentException.class, () -> IdxSource.of(images, labels, 0));
        cases.add(IllegalArgumentException.class, () -> IdxSource.of(csv, labels, 32));
        cases.add(IllegalArgumentException.class, () -> IdxSource.of(header, labels, 32));
        cases.add(IllegalArgumentException.class, () -> IdxSource.of(truncated, labels, 32));
        cases.add(IllegalArgumentException.class, () -> IdxSource.of(images, longer, 32));
        cases.add(IllegalArgumentException.class, () -> IdxSource.of(images, nine, 32));
        cases.add(java.io.UncheckedIOException.class, () -> IdxSource.of(dir.resolve("missing.idx"), labels, 32));
        cases.add(java.io.UncheckedIOException.class, () -> IdxSource.of(truncatedGz, labels, 4).batch(2));
        cases.add(IndexOutOfBoundsException.class, () -> IdxSource.of(images, labels, 4).batch(3));
        cases.add(IllegalArgumentException.class, () -> IdxSource.of(images, labels, 4).prefetch(0));
        cases.add(IllegalArgumentException.class, () -> IdxSource.of(images, labels, 4).map(null));
        cases.add(IllegalArgumentException.class, () -> IdxSource.of(images, labels, 4).shuffle(0, 1));
        cases.add(IllegalArgumentException.class, () -> io.github.keras4j.data.Transforms.divide(0));
        cases.add(IllegalArgumentException.class, () -> io.github.keras4j.data.Transforms.oneHot(0));
        cases.add(IllegalArgumentException.class, () -> io.github.keras4j.data.Transforms.oneHot(3)
                .apply(new Batch(x(2), Nd4j.createFromArray(1f, 3f))));
        cases.add(IllegalArgumentException.class, () -> io.github.keras4j.data.Transforms.oneHot(3).apply(new Batch(x(2), y(2))));
        cases.add(IllegalArgumentException.class, () -> io.github.keras4j.data.Transforms.reshape(28, 28).apply(new Batch(x(2), null)));
        cases.add(IllegalStateException.class, () -> {
            Dataset shuffled = IdxSource.of(images, labels, 4).shuffle(8, 1);
            shuffled.batch(0);
            shuffled.batch(2);
        });
        cases.add(DatasetException.class, () -> {
            Dataset p = IdxSource.of(images, labels, 4).prefetch(1);
            p.onEpochBegin();
            Thread.currentThread().interrupt();
            try {
                p.batch(0);
            } finally {
                Thread.interrupted();
                p.release();
            }
        });
    }

    /** A model used as a layer, the split training step, flat weights. */
    private static void models(ErrorCases cases) {
        cases.add(IllegalArgumentException.class, () -> {
            Sequential a = new Sequential("base", new Dense(2).inputShape(3));
            a.add(a);
        });
        cases.add(IllegalArgumentException.class, () -> {
            Sequential a = new Sequential("base", new Dense(2).inputShape(3));
            Sequential b = new Sequential("wrapper");
            b.add(a);
            a.add(b);
        });
        cases.add(IllegalArgumentException.class, () -> {
            Sequential b = new Sequential("wrapper");
            b.add(new Sequential("base", new Dense(2).inputShape(3)));
            b.save(java.nio.file.Path.of("wrapper.keras"));
        });
        cases.add(IllegalArgumentException.class, () -> {
            Sequential b = new Sequential("wrapper", new Dense(5).inputShape(2));
            b.add(new Sequential("base", new Dense(2).inputShape(3)));
        });
        cases.add(IllegalStateException.class, () -> new Sequential("empty").asLayer());
        cases.add(IllegalArgumentException.class, () -> new Sequential().add((Sequential) null));
        cases.add(IllegalArgumentException.class, () -> io.github.keras4j.models.Gradients.of(new float[3])
                .add(io.github.keras4j.models.Gradients.of(new float[2])));
        cases.add(IllegalArgumentException.class, () -> io.github.keras4j.models.Gradients.of(null));
        cases.add(IllegalArgumentException.class, () -> small().applyGradients(io.github.keras4j.models.Gradients.of(new float[5])));
        cases.add(IllegalArgumentException.class, () -> small().applyGradients(null));
        cases.add(IllegalStateException.class, () -> {
            Sequential m = new Sequential(new Dense(2));
            m.compile("sgd", "mse");
            m.applyGradients(io.github.keras4j.models.Gradients.of(new float[5]));
        });
        cases.add(IllegalArgumentException.class, () -> small().computeGradients(null));
        cases.add(IllegalArgumentException.class, () -> small().setFlatWeights(new float[7]));
        cases.add(IllegalArgumentException.class, () -> small().setFlatWeights(null));
    }

    private static void datasets(ErrorCases cases) {
        Dataset four = new ArrayDataset(x(40), y(40), 10);
        // lengths and steps
        cases.add(IllegalArgumentException.class, () -> small().fit(dataset(Dataset.UNKNOWN, i -> new Batch(x(8), y(8))), QUIET));
        cases.add(IllegalArgumentException.class, () -> small().fit(dataset(0, i -> null), QUIET));
        cases.add(IllegalArgumentException.class, () -> small().fit(four, QUIET.withStepsPerEpoch(5)));
        cases.add(IllegalArgumentException.class, () -> small().fit(dataset(Dataset.UNKNOWN, i -> null), QUIET.withStepsPerEpoch(3)));
        cases.add(IllegalArgumentException.class, () -> small().evaluate(dataset(Dataset.UNKNOWN, i -> null)));
        cases.add(IllegalArgumentException.class, () -> small().predict(dataset(Dataset.UNKNOWN, i -> null)));
        cases.add(IllegalArgumentException.class, () -> small().fit(four, QUIET.withValidationSplit(0.2)));
        cases.add(IllegalArgumentException.class, () -> small().fit((Dataset) null, QUIET));
        cases.add(IllegalArgumentException.class, () -> small().evaluate((Dataset) null));
        // the batches
        cases.add(DatasetException.class, () -> small().fit(dataset(4, i -> {
            if (i == 2) {
                throw new java.io.UncheckedIOException(new java.io.IOException("images.bin: Input/output error"));
            }
            return new Batch(x(8), y(8));
        }), QUIET));
        cases.add(IllegalArgumentException.class, () -> small().fit(dataset(4, i -> new Batch(x(8), i == 1 ? null : y(8))), QUIET));
        cases.add(IllegalArgumentException.class, () -> small().predict(dataset(4, i -> new Batch(null, null))));
        cases.add(IllegalArgumentException.class, () -> small().fit(dataset(4, i -> new Batch(x(8), i == 3 ? y(6) : y(8))), QUIET));
        cases.add(IllegalArgumentException.class, () -> small().fit(dataset(4, i -> new Batch(i == 2 ? Nd4j.rand(DataType.FLOAT, 8, 4) : x(8), y(8))),
                QUIET));
        cases.add(IllegalArgumentException.class, () -> {
            Sequential m = new Sequential(new Dense(4, "relu").inputShape(3), new Dense(2, "softmax"));
            m.compile("adam", "sparse_categorical_crossentropy");
            m.fit(dataset(4, i -> new Batch(x(8), i == 1 ? y(8) : Nd4j.zeros(DataType.FLOAT, 8))), QUIET);
        });
        cases.add(IllegalArgumentException.class, () -> {
            INDArray bad = x(8);
            bad.putScalar(new long[] {6, 1}, Float.POSITIVE_INFINITY);
            small().fit(dataset(4, i -> new Batch(i == 3 ? bad : x(8), y(8))), QUIET);
        });
        // options
        cases.add(IllegalArgumentException.class, () -> QUIET.withStepsPerEpoch(-1));
        cases.add(IllegalArgumentException.class, () -> QUIET.withValidationFreq(0));
        cases.add(IllegalArgumentException.class, () -> QUIET.withValidationData((Dataset) null));
        cases.add(IllegalArgumentException.class, () -> new FitOptions(32, 1, 0, true, x(4), y(4), 0, List.of(), 0, four, 0, 1));
        // on-batch methods
        cases.add(IllegalArgumentException.class, () -> small().predictOnBatch(null));
        cases.add(IllegalStateException.class, () -> {
            Sequential m = small();
            m.fit(x(8), y(8), QUIET.withCallbacks(new LambdaCallback().onEpochEnd((epoch, logs) -> m.trainOnBatch(x(8), y(8)))));
        });
        cases.add(IllegalStateException.class, () -> new Sequential(new Dense(2).inputShape(3)).trainOnBatch(x(4), y(4)));
        // ArrayDataset
        cases.add(IllegalArgumentException.class, () -> new ArrayDataset(Nd4j.zeros(DataType.FLOAT, 0, 3), null, 8));
        cases.add(IllegalArgumentException.class, () -> new ArrayDataset(x(10), y(9), 8));
        cases.add(IllegalArgumentException.class, () -> new ArrayDataset(x(10), y(10), 0));
        cases.add(IndexOutOfBoundsException.class, () -> new ArrayDataset(x(10), y(10), 4).batch(3));
    }
}
