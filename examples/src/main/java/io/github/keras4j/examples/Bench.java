package io.github.keras4j.examples;

import io.github.keras4j.callbacks.Callback;
import io.github.keras4j.datasets.FashionMnist;
import io.github.keras4j.datasets.TrainTestData;
import io.github.keras4j.examples.data.ExampleData;
import io.github.keras4j.layers.Conv2D;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Dropout;
import io.github.keras4j.layers.Flatten;
import io.github.keras4j.layers.MaxPooling2D;
import io.github.keras4j.losses.Loss;
import io.github.keras4j.losses.Losses;
import io.github.keras4j.models.FitOptions;
import io.github.keras4j.models.Sequential;
import io.github.keras4j.optimizers.Adam;
import io.github.keras4j.optimizers.Optimizer;
import io.github.keras4j.optimizers.SGD;
import io.github.keras4j.utils.EnvironmentReport;
import io.github.keras4j.utils.Utils;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Trains the reference harnesses' three MLPs through the public API and prints one JSON line per epoch in
 * their format, so keras4j can be compared with Deeplearning4j, PyTorch and numpy on the same machine
 * ({@code bench/compare.py} runs them all):
 * <pre>{"impl":"keras4j","model":"seed","dataset":"fashion","epoch":1,"train_seconds":...,"test_loss":...,"test_acc":...,"rss_mb":...}</pre>
 * {@code train_seconds} is the epoch's training time, shuffling and batch gathering included; the test
 * evaluation after it is not. Models, as in the harnesses (all glorot_uniform kernels, zero biases, data
 * scaled to [0, 1] and flattened to 784, shuffled every epoch):
 * <ul>
 *   <li>seed: 784-64 sigmoid-10 softmax, categorical cross-entropy, Adam(1e-3, eps 1e-7), batch 32</li>
 *   <li>nielsen: 784-30 sigmoid-10 sigmoid, mean squared error, SGD lr 3.0, batch 10</li>
 *   <li>lee: 784-500 relu-500 relu-10 softmax, categorical cross-entropy, Adam, batch 100</li>
 *   <li>cnn: Keras' "simple MNIST convnet" on (28, 28, 1) images: Conv2D 32 3x3 relu, MaxPooling2D 2, Conv2D 64 3x3 relu,
 *   MaxPooling2D 2, Flatten, Dropout 0.5, Dense 10 softmax; categorical cross-entropy, Adam, batch 128</li>
 * </ul>
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Times keras4j on the reference MLPs, one JSON line per epoch.")
public final class Bench implements Callable<Integer> {
    /** Evaluation batch size: large, as evaluation is not timed and its result does not depend on it. */
    static final int EVAL_BATCH = 1000;
    static final long SEED = 42;
    static final int PREDICT_BATCH = 1000;
    static final int PREDICT_REPEATS = 11;
    static final int PREDICT_WARMUP = 20;

    enum BenchModel {
        seed(32, () -> new Adam(), "categorical_crossentropy", new int[] {64}, "sigmoid", "softmax"),
        nielsen(10, () -> new SGD(3.0), "mse", new int[] {30}, "sigmoid", "sigmoid"),
        lee(100, () -> new Adam(), "categorical_crossentropy", new int[] {500, 500}, "relu", "softmax"),
        cnn(128, () -> new Adam(), "categorical_crossentropy", new int[0], "relu", "softmax");

        final int batchSize;
        final Supplier<Optimizer> optimizer;
        final String loss;
        final int[] hidden;
        final String hiddenActivation;
        final String outputActivation;

        BenchModel(int batchSize, Supplier<Optimizer> optimizer, String loss, int[] hidden, String hiddenActivation, String outputActivation) {
            this.batchSize = batchSize;
            this.optimizer = optimizer;
            this.loss = loss;
            this.hidden = hidden;
            this.hiddenActivation = hiddenActivation;
            this.outputActivation = outputActivation;
        }

        /** Whether the model takes images (N, 28, 28, 1) instead of flattened rows (N, 784). */
        boolean images() {
            return this == cnn;
        }

        Sequential build() {
            Sequential model = new Sequential();
            if (images()) {
                model.add(new Conv2D(32, 3, hiddenActivation).inputShape(28, 28, 1));
                model.add(new MaxPooling2D(2));
                model.add(new Conv2D(64, 3, hiddenActivation));
                model.add(new MaxPooling2D(2));
                model.add(new Flatten());
                model.add(new Dropout(0.5));
            }
            for (int i = 0; i < hidden.length; i++) {
                Dense dense = new Dense(hidden[i], hiddenActivation);
                model.add(i == 0 ? dense.inputShape(784) : dense);
            }
            model.add(new Dense(10, outputActivation));
            Loss l = Losses.get(loss);
            model.compile(optimizer.get(), l, "accuracy");
            return model;
        }
    }

    @Option(names = "--model", required = true, description = "seed, nielsen, lee or cnn")
    BenchModel model;

    @Option(names = "--dataset", defaultValue = "fashion", description = "fashion (60,000 + 10,000) or mnist-10k (8,000 + 2,000)")
    String dataset;

    @Option(names = "--epochs", defaultValue = "3", description = "epochs (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--predict", description = "after training, time predict on the test set in batches of "
            + PREDICT_BATCH + " (" + PREDICT_REPEATS + " times; prints the median as predict_seconds)")
    boolean predict;

    private final PrintStream out;

    Bench(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench(System.out)).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public Integer call() {
        System.err.print(EnvironmentReport.describe());
        TrainTestData data = load(dataset);
        INDArray x = scaled(data.xTrain(), model), y = Utils.toCategorical(data.yTrain(), 10);
        INDArray xTest = scaled(data.xTest(), model), yTest = Utils.toCategorical(data.yTest(), 10);
        Utils.setRandomSeed(SEED);
        Sequential net = model.build();
        String name = dataset.equals("mnist-10k") ? "mnist10k" : dataset; // the harnesses' spelling
        if (epochs > 0) {
            net.fit(x, y, FitOptions.defaults().withBatchSize(model.batchSize).withEpochs(epochs).withVerbose(0)
                    .withCallbacks(new EpochPrinter(net, name, xTest, yTest)));
        }
        if (predict) {
            out.printf(Locale.ROOT, "{\"impl\":\"keras4j\",\"model\":\"%s\",\"dataset\":\"%s\",\"predict_batch\":%d,\"predict_seconds\":%.5f}%n",
                    model.name(), name, PREDICT_BATCH, medianPredictSeconds(net, xTest));
        }
        return 0;
    }

    /** The median time of predict over the test set, after warm-up runs that let the JIT compile its loops. */
    private static double medianPredictSeconds(Sequential net, INDArray xTest) {
        double[] seconds = new double[PREDICT_REPEATS];
        for (int i = 0; i < PREDICT_WARMUP; i++) {
            net.predict(xTest, PREDICT_BATCH);
        }
        for (int i = 0; i < seconds.length; i++) {
            long start = System.nanoTime();
            net.predict(xTest, PREDICT_BATCH);
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        java.util.Arrays.sort(seconds);
        return seconds[seconds.length / 2];
    }

    /** Times each epoch between its begin and end hooks, then evaluates (untimed) and prints the JSON line. */
    private final class EpochPrinter extends Callback {
        private final Sequential net;
        private final String datasetName;
        private final INDArray xTest;
        private final INDArray yTest;
        private long start;

        EpochPrinter(Sequential net, String datasetName, INDArray xTest, INDArray yTest) {
            this.net = net;
            this.datasetName = datasetName;
            this.xTest = xTest;
            this.yTest = yTest;
        }

        @Override
        public void onEpochBegin(int epoch, Map<String, Double> logs) {
            start = System.nanoTime();
        }

        @Override
        public void onEpochEnd(int epoch, Map<String, Double> logs) {
            double seconds = (System.nanoTime() - start) / 1e9;
            double[] score = net.evaluate(xTest, yTest, EVAL_BATCH);
            out.printf(Locale.ROOT, "{\"impl\":\"keras4j\",\"model\":\"%s\",\"dataset\":\"%s\",\"epoch\":%d,\"train_seconds\":%.4f,"
                            + "\"test_loss\":%.6f,\"test_acc\":%.4f,\"rss_mb\":%.1f}%n",
                    model.name(), datasetName, epoch + 1, seconds, score[0], score[1], rssMb());
            out.flush();
        }
    }

    static TrainTestData load(String dataset) {
        return switch (dataset) {
            case "fashion", "fashion-mnist" -> FashionMnist.loadData();
            case "mnist-10k", "mnist10k" -> ExampleData.mnist10k();
            default -> throw new CommandLine.ParameterException(new CommandLine(new Bench(System.out)),
                    "Unknown dataset '" + dataset + "'. Known datasets: fashion, mnist-10k.");
        };
    }

    /** Pixels scaled to [0, 1], flattened to 784 or, for the cnn, with a channel axis (N, 28, 28, 1), as the harnesses feed them. */
    private static INDArray scaled(INDArray images, BenchModel model) {
        INDArray x = images.castTo(DataType.FLOAT).divi(255);
        return model.images() ? x.reshape('c', images.size(0), 28, 28, 1) : x.reshape('c', images.size(0), 784);
    }

    /** Resident memory of this process (VmRSS), in MiB; -1 where /proc is missing. */
    static double rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no figure
        }
        return -1;
    }
}
