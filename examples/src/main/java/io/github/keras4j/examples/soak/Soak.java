package io.github.keras4j.examples.soak;

import io.github.keras4j.callbacks.Callback;
import io.github.keras4j.datasets.TrainTestData;
import io.github.keras4j.examples.data.ExampleData;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Dropout;
import io.github.keras4j.layers.Flatten;
import io.github.keras4j.models.FitOptions;
import io.github.keras4j.models.Sequential;
import io.github.keras4j.utils.EnvironmentReport;
import io.github.keras4j.utils.Utils;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The soak test, outside the test suite because it runs for minutes:
 * <pre>java -cp examples/target/keras4j-examples.jar io.github.keras4j.examples.soak.Soak</pre>
 * with {@code KERAS4J_DATASETS} set. Phase 1 trains the seed model (Flatten 28x28, Dense 64 sigmoid, Dense 10
 * softmax; Adam, categorical cross-entropy, batch 32) for {@value #DEFAULT_EPOCHS} epochs on the 8,000 training
 * images of the {@code mnist-10k} split, validating on its 2,000 test images every epoch, in one {@code fit}.
 * Phase 2 builds, trains for {@value #SMALL_MODEL_EPOCHS} epochs on {@value #SMALL_MODEL_SAMPLES} images,
 * evaluates, predicts with and then drops {@value #DEFAULT_MODELS} small models. Every few epochs (models) it
 * samples the memory figures of {@link MemorySample}, and it measures the live heap (after a full collection)
 * when warm-up ends and at the end; after warm-up ({@value #DEFAULT_WARMUP_EPOCHS} epochs,
 * {@value #DEFAULT_WARMUP_MODELS} models) no judged figure may grow by more than {@value #DEFAULT_MAX_GROWTH}
 * (as a fraction, see {@link MemoryGrowth}). Phase 2's warm-up is long because dropped models' native memory
 * is freed at the next collection, which keras4j asks for after {@code NativeBudget}'s budget (32 MiB, about 40
 * of these models): resident memory settles at its high-water mark only after the first one. Exit code 0 when
 * every figure stays within the limit, 1 when one grows more.
 */
@Command(name = "soak", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Trains for a long time and builds many models in one JVM, checking that memory stops growing.")
public final class Soak implements Callable<Integer> {
    public static final int DEFAULT_EPOCHS = 200;
    public static final int DEFAULT_MODELS = 150;
    public static final int DEFAULT_EVERY = 10;
    public static final int DEFAULT_WARMUP_EPOCHS = 20;
    public static final int DEFAULT_WARMUP_MODELS = 50;
    public static final double DEFAULT_MAX_GROWTH = 0.05;
    static final int SMALL_MODEL_EPOCHS = 2;
    static final int SMALL_MODEL_SAMPLES = 1000;
    static final long SEED = 42;

    @Option(names = "--epochs", defaultValue = "" + DEFAULT_EPOCHS, description = "phase 1 epochs (default: ${DEFAULT-VALUE})")
    int epochs;
    @Option(names = "--models", defaultValue = "" + DEFAULT_MODELS, description = "phase 2 models (default: ${DEFAULT-VALUE})")
    int models;
    @Option(names = "--every", defaultValue = "" + DEFAULT_EVERY, description = "epochs (models) between samples (default: ${DEFAULT-VALUE})")
    int every;
    @Option(names = "--warmup-epochs", defaultValue = "" + DEFAULT_WARMUP_EPOCHS, description = "default: ${DEFAULT-VALUE}")
    int warmupEpochs;
    @Option(names = "--warmup-models", defaultValue = "" + DEFAULT_WARMUP_MODELS, description = "default: ${DEFAULT-VALUE}")
    int warmupModels;
    @Option(names = "--max-growth", defaultValue = "" + DEFAULT_MAX_GROWTH, description = "allowed growth after warm-up (default: ${DEFAULT-VALUE})")
    double maxGrowth;

    private final PrintStream out;
    /** The live heap of the phase running, {after warm-up, at the end}. */
    private long[] live;

    Soak(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Soak(System.out)).execute(args));
    }

    @Override
    public Integer call() {
        out.print(EnvironmentReport.describe());
        out.println("  heap max: " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, arguments: "
                + java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        TrainTestData data = ExampleData.mnist10k();
        INDArray x = data.xTrain().div(255), xTest = data.xTest().div(255);
        INDArray y = Utils.toCategorical(data.yTrain(), 10), yTest = Utils.toCategorical(data.yTest(), 10);
        Utils.setRandomSeed(SEED);

        long start = System.nanoTime();
        long[] trainingLive = live = new long[2];
        List<MemorySample> training = train(x, y, xTest, yTest);
        double trainingSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        long[] churnLive = live = new long[2];
        List<MemorySample> churn = churn(Utils.take(x, SMALL_MODEL_SAMPLES), Utils.take(y, SMALL_MODEL_SAMPLES), xTest, yTest);
        double churnSeconds = (System.nanoTime() - start) / 1e9;

        boolean ok = report(String.format(Locale.ROOT, "Phase 1: seed model, %d epochs (%.0f s)", epochs, trainingSeconds),
                training, warmupEpochs / every, trainingLive);
        ok &= report(String.format(Locale.ROOT, "Phase 2: %d small models built, trained and dropped (%.0f s)", models, churnSeconds),
                churn, warmupModels / every, churnLive);
        out.println(ok ? "PASS: no figure grew by more than " + MemoryGrowth.percent(maxGrowth) + " after warm-up"
                : "FAIL: a figure grew by more than " + MemoryGrowth.percent(maxGrowth) + " after warm-up");
        return ok ? 0 : 1;
    }

    /** Phase 1: one fit, a sample before it and every {@code every} epochs. */
    private List<MemorySample> train(INDArray x, INDArray y, INDArray xTest, INDArray yTest) {
        Sequential model = new Sequential(new Flatten().inputShape(28, 28), new Dense(64, "sigmoid"), new Dense(10, "softmax"));
        model.compile("adam", "categorical_crossentropy", "acc");
        List<MemorySample> samples = new ArrayList<>();
        samples.add(sample("epoch 0", ""));
        Callback sampler = new Callback() {
            @Override
            public void onEpochEnd(int epoch, Map<String, Double> logs) {
                if (epoch + 1 == warmupEpochs) { // first: the judged samples then all follow this full collection
                    live[0] = measureLive("epoch " + (epoch + 1));
                }
                if ((epoch + 1) % every == 0) {
                    samples.add(sample("epoch " + (epoch + 1), String.format(Locale.ROOT, "loss %.4f, val_acc %.4f",
                            logs.get("loss"), logs.get("val_acc"))));
                }
            }
        };
        model.fit(x, y, FitOptions.defaults().withEpochs(epochs).withVerbose(0).withValidationData(xTest, yTest).withCallbacks(sampler));
        live[1] = measureLive("epoch " + epochs);
        out.println("  weights fingerprint: " + Utils.fingerprint(model));
        return samples;
    }

    private long measureLive(String label) {
        long bytes = MemorySample.liveHeap();
        out.printf(Locale.ROOT, "  %-10s live heap (after a full collection) %s MiB%n", label, MemoryGrowth.mib(bytes));
        return bytes;
    }

    /** Phase 2: many short-lived models, a sample every {@code every} models. */
    private List<MemorySample> churn(INDArray x, INDArray y, INDArray xTest, INDArray yTest) {
        List<MemorySample> samples = new ArrayList<>();
        samples.add(sample("model 0", ""));
        for (int i = 1; i <= models; i++) {
            Sequential model = new Sequential(new Flatten().inputShape(28, 28), new Dense(32, "relu"), new Dropout(0.2),
                    new Dense(10, "softmax"));
            model.compile("adam", "categorical_crossentropy", "acc");
            model.fit(x, y, FitOptions.defaults().withEpochs(SMALL_MODEL_EPOCHS).withVerbose(0));
            double[] score = model.evaluate(xTest, yTest);
            model.predict(xTest);
            if (i == warmupModels) {
                live[0] = measureLive("model " + i);
            }
            if (i % every == 0) {
                samples.add(sample("model " + i, String.format(Locale.ROOT, "acc %.4f", score[1])));
            }
        }
        live[1] = measureLive("model " + models);
        return samples;
    }

    private MemorySample sample(String label, String note) {
        MemorySample s = MemorySample.take(label);
        out.printf(Locale.ROOT, "  %-10s heap used %7s MiB, committed %7s MiB, JavaCPP %7s MiB, physical %7s MiB, RSS %7s MiB, outside heap %7s MiB  %s%n",
                label, MemoryGrowth.mib(s.heapUsed()), MemoryGrowth.mib(s.heapCommitted()), MemoryGrowth.mib(s.javacpp()),
                MemoryGrowth.mib(s.physical()), MemoryGrowth.mib(s.rss()), MemoryGrowth.mib(s.nativeResident()), note);
        out.flush();
        return s;
    }

    /** Prints the samples and the growth after the first {@code warmup} sampling points; true if all figures stay within bounds. */
    private boolean report(String title, List<MemorySample> samples, int warmup, long[] liveHeap) {
        List<MemorySample> after = samples.subList(Math.min(warmup, samples.size()), samples.size());
        List<MemoryGrowth.Growth> growths = new ArrayList<>(MemoryGrowth.of(after));
        growths.add(MemoryGrowth.between("live heap (full GC)", liveHeap[0], liveHeap[1]));
        out.println();
        out.println("### " + title);
        out.println();
        out.print(MemoryGrowth.table(samples));
        out.println();
        out.println("Growth from " + after.get(0).label() + " to " + after.get(after.size() - 1).label() + ":");
        out.println();
        out.print(MemoryGrowth.growthTable(growths, maxGrowth));
        return growths.stream().allMatch(g -> g.within(maxGrowth));
    }
}
