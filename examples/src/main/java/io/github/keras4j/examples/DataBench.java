package io.github.keras4j.examples;

import io.github.keras4j.callbacks.Callback;
import io.github.keras4j.data.Batch;
import io.github.keras4j.data.Dataset;
import io.github.keras4j.data.IdxSource;
import io.github.keras4j.datasets.DatasetFolder;
import io.github.keras4j.datasets.FashionMnist;
import io.github.keras4j.datasets.TrainTestData;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Flatten;
import io.github.keras4j.models.FitOptions;
import io.github.keras4j.models.Sequential;
import io.github.keras4j.utils.Utils;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Measures training from a stream against training from memory (a benchmark main, not a test):
 * <ul>
 *   <li>{@code memory N...}: one epoch of the seed model over an IDX file of N images (Fashion-MNIST's training images
 *   repeated, written to a temporary plain file), streamed with {@link IdxSource}, mapped and prefetched; prints the
 *   resident memory (VmRSS) sampled through the epoch, so that it can be seen to stay flat whatever N is.</li>
 *   <li>{@code speed}: a Fashion-MNIST epoch (60,000 images, unshuffled, so both runs train identically) of the seed
 *   and lee models from memory and streamed from the {@code .gz} files on disk with prefetch, alternated, with the
 *   ratio of their times and both test accuracies.</li>
 *   <li>{@code csv}: a seed-model epoch streamed from a CSV of those 60,000 images (written to a temporary file) against
 *   one streamed from the IDX files, as a fraction of the IDX speed, checking both train to the same weights.</li>
 * </ul>
 * Run with {@code java -cp keras4j-examples.jar io.github.keras4j.examples.DataBench memory 60000 600000 2000000}.
 */
public final class DataBench {
    private DataBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || !(args[0].equals("memory") || args[0].equals("speed") || args[0].equals("csv"))) {
            System.out.println("usage: DataBench memory N... | DataBench speed [repeats] | DataBench csv [repeats]");
            return;
        }
        System.out.println("cpu: " + cpu() + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
        if (args[0].equals("memory")) {
            for (int i = 1; i < args.length; i++) {
                memory(Integer.parseInt(args[i]));
            }
        } else if (args[0].equals("csv")) {
            csv(args.length > 1 ? Integer.parseInt(args[1]) : 2);
        } else {
            speed(args.length > 1 ? Integer.parseInt(args[1]) : 2);
        }
    }

    private static Path fashion(String file) {
        return DatasetFolder.resolve().resolve(FashionMnist.FOLDER).resolve(file);
    }

    private static Sequential seed() {
        Utils.setRandomSeed(42);
        Sequential m = new Sequential(new Flatten().inputShape(28, 28), new Dense(64, "sigmoid"), new Dense(10, "softmax"));
        m.compile("adam", "categorical_crossentropy", "acc");
        return m;
    }

    private static Sequential lee() {
        Utils.setRandomSeed(42);
        Sequential m = new Sequential(new Flatten().inputShape(28, 28), new Dense(500, "relu"), new Dense(500, "relu"),
                new Dense(10, "softmax"));
        m.compile("adam", "categorical_crossentropy", "acc");
        return m;
    }

    private static Dataset scaled(Dataset source) {
        return source.map(io.github.keras4j.data.Transforms.divide(255)).map(io.github.keras4j.data.Transforms.oneHot(10)).prefetch(4);
    }

    private static void memory(int images) throws IOException {
        FashionMnist.loadData(); // checks (or fetches) the files
        byte[] pixels = inflate(fashion("train-images-idx3-ubyte.gz"), 16);
        byte[] labels = inflate(fashion("train-labels-idx1-ubyte.gz"), 8);
        Path dir = Files.createTempDirectory("keras4j-databench");
        Path x = dir.resolve("images.idx"), y = dir.resolve("labels.idx");
        try {
            write(x, new int[] {images, 28, 28}, pixels, images);
            write(y, new int[] {images}, labels, images);
            long fileMb = Files.size(x) >> 20;
            final IdxSource source = IdxSource.of(x, y, 32);
            Sequential model = seed();
            List<Long> rss = new ArrayList<>();
            int every = Math.max(1, source.numBatches() / 20);
            Callback sampler = new Callback() {
                @Override
                public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
                    if (batch % every == 0) {
                        rss.add(rssMb());
                        System.out.println("memory images=" + images + " batch=" + batch + "/" + source.numBatches() + " rss_mb="
                                + rss.get(rss.size() - 1)); // as it goes: a long epoch reports before it ends
                    }
                }
            };
            long start = System.nanoTime();
            var h = model.fit(scaled(source), FitOptions.defaults().withVerbose(0).withCallbacks(sampler));
            double seconds = (System.nanoTime() - start) / 1e9;
            rss.add(rssMb());
            List<Long> afterWarmup = rss.subList(Math.min(2, rss.size() - 1), rss.size());
            System.out.printf(Locale.ROOT, "memory images=%d file_mb=%d epoch_s=%.1f loss=%.4f rss_mb_first=%d rss_mb_min=%d rss_mb_max=%d"
                            + " rss_mb_last=%d samples=%s%n", images, fileMb, seconds, h.history().get("loss").get(0), rss.get(0),
                    afterWarmup.stream().mapToLong(Long::longValue).min().orElse(-1),
                    afterWarmup.stream().mapToLong(Long::longValue).max().orElse(-1), rss.get(rss.size() - 1), rss);
        } finally {
            Files.deleteIfExists(x);
            Files.deleteIfExists(y);
            Files.deleteIfExists(dir);
        }
    }

    private static void speed(int repeats) {
        TrainTestData data = FashionMnist.loadData();
        INDArray x = data.xTrain().castTo(DataType.FLOAT).div(255), y = Utils.toCategorical(data.yTrain(), 10);
        INDArray xt = data.xTest().castTo(DataType.FLOAT).div(255), yt = Utils.toCategorical(data.yTest(), 10);
        for (String name : new String[] {"seed", "lee"}) {
            int batch = name.equals("seed") ? 32 : 100;
            List<Double> memory = new ArrayList<>(), stream = new ArrayList<>(), ratios = new ArrayList<>();
            double accMemory = 0, accStream = 0;
            for (int r = 0; r < repeats; r++) {
                Sequential m = name.equals("seed") ? seed() : lee();
                long t0 = System.nanoTime();
                m.fit(x, y, FitOptions.defaults().withVerbose(0).withBatchSize(batch).withShuffle(false));
                double tm = (System.nanoTime() - t0) / 1e9;
                accMemory = m.evaluate(xt, yt)[1];
                Sequential s = name.equals("seed") ? seed() : lee();
                Dataset source = scaled(IdxSource.of(fashion("train-images-idx3-ubyte.gz"), fashion("train-labels-idx1-ubyte.gz"), batch));
                long t1 = System.nanoTime();
                s.fit(source, FitOptions.defaults().withVerbose(0));
                double ts = (System.nanoTime() - t1) / 1e9;
                accStream = s.evaluate(xt, yt)[1];
                memory.add(tm);
                stream.add(ts);
                ratios.add(ts / tm);
            }
            System.out.printf(Locale.ROOT, "speed model=%s memory_s=%s stream_s=%s stream/memory median=%.3f acc_memory=%.4f acc_stream=%.4f"
                    + " same_acc=%s%n", name, memory, stream, median(ratios), accMemory, accStream, accMemory == accStream);
        }
    }

    /** A seed-model epoch streamed from a CSV of Fashion-MNIST's 60,000 training images against one from the IDX files. */
    private static void csv(int repeats) throws IOException {
        FashionMnist.loadData();
        byte[] pixels = inflate(fashion("train-images-idx3-ubyte.gz"), 16);
        byte[] labels = inflate(fashion("train-labels-idx1-ubyte.gz"), 8);
        Path file = Files.createTempFile("keras4j-databench", ".csv");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
                StringBuilder row = new StringBuilder("label");
                for (int i = 0; i < 784; i++) {
                    row.append(",pixel").append(i);
                }
                out.write(row.append('\n').toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                for (int n = 0; n < 60_000; n++) {
                    row.setLength(0);
                    row.append(labels[n]);
                    for (int i = 0; i < 784; i++) {
                        row.append(',').append(pixels[n * 784 + i] & 0xff);
                    }
                    out.write(row.append('\n').toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                }
            }
            List<Double> idx = new ArrayList<>(), csv = new ArrayList<>(), ratios = new ArrayList<>();
            for (int r = 0; r < repeats; r++) {
                Sequential a = seed();
                Dataset fromIdx = scaled(IdxSource.of(fashion("train-images-idx3-ubyte.gz"), fashion("train-labels-idx1-ubyte.gz"), 32));
                long t0 = System.nanoTime();
                a.fit(fromIdx, FitOptions.defaults().withVerbose(0));
                double ti = (System.nanoTime() - t0) / 1e9;
                Sequential b = seed();
                long t1 = System.nanoTime();
                Dataset fromCsv = io.github.keras4j.data.CsvSource.of(file, "label", 32)
                        .map(io.github.keras4j.data.Transforms.divide(255)).map(io.github.keras4j.data.Transforms.reshape(28, 28))
                        .map(io.github.keras4j.data.Transforms.oneHot(10)).prefetch(4);
                b.fit(fromCsv, FitOptions.defaults().withVerbose(0));
                double tc = (System.nanoTime() - t1) / 1e9; // the CSV's one indexing pass included
                idx.add(ti);
                csv.add(tc);
                ratios.add(ti / tc);
                if (!Utils.fingerprint(a).equals(Utils.fingerprint(b))) {
                    System.out.println("csv: the CSV-trained weights differ from the IDX-trained ones");
                }
            }
            System.out.printf(Locale.ROOT, "csv file_mb=%d idx_s=%s csv_s=%s csv speed as a fraction of idx speed: median=%.3f%n",
                    Files.size(file) >> 20, idx, csv, median(ratios));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static byte[] inflate(Path gz, int header) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            in.skipNBytes(header);
            return in.readAllBytes();
        }
    }

    /** An IDX file of {@code count} samples, cycling through {@code values}' samples. */
    private static void write(Path file, int[] dims, byte[] values, int count) throws IOException {
        int sample = values.length / 60_000;
        ByteBuffer header = ByteBuffer.allocate(4 + 4 * dims.length);
        header.put((byte) 0).put((byte) 0).put((byte) 8).put((byte) dims.length);
        Arrays.stream(dims).forEach(header::putInt);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write(header.array());
            for (int written = 0; written < count; written += 60_000) {
                out.write(values, 0, Math.min(60_000, count - written) * sample);
            }
        }
    }

    private static long rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown") + " x" + Runtime.getRuntime().availableProcessors();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
