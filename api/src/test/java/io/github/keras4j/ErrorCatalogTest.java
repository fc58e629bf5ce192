package io.github.keras4j;

import io.github.keras4j.callbacks.LambdaCallback;
import io.github.keras4j.datasets.DatasetFolder;
import io.github.keras4j.datasets.Mnist;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Dropout;
import io.github.keras4j.layers.Flatten;
import io.github.keras4j.layers.Shape;
import io.github.keras4j.models.FitOptions;
import io.github.keras4j.models.Models;
import io.github.keras4j.models.Sequential;
import io.github.keras4j.optimizers.Adam;
import io.github.keras4j.optimizers.SGD;
import io.github.keras4j.saving.ModelFileException;
import io.github.keras4j.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Keeps {@code docs/errors.md} honest: triggers every error the catalogue lists and checks that the exact
 * message appears there, under the exception class the catalogue names, and that the catalogue lists no
 * message that nothing here produces. Paths in messages are written as a typical user's paths.
 */
class ErrorCatalogTest {
    /** The catalogue, found from the module folder Maven runs tests in. */
    static final Path CATALOGUE = Path.of(System.getProperty("basedir", "."), "..", "docs", "errors.md").normalize();
    /** A block of message text, and the line before it, which names the exception class in bold code. */
    private static final Pattern ENTRY = Pattern.compile("\\*\\*`(\\w+)`\\*\\*[^\\n]*\\n+```text\\n(.*?)\\n```", Pattern.DOTALL);
    private static final FitOptions QUIET = FitOptions.defaults().withVerbose(0);

    @TempDir
    Path tmp;

    private interface Trigger {
        void run() throws Exception;
    }

    private record Case(Class<? extends Throwable> type, Trigger trigger) {
    }

    private final List<Case> cases = new ArrayList<>();

    private void add(Class<? extends Throwable> type, Trigger trigger) {
        cases.add(new Case(type, trigger));
    }

    @Test
    void everyCataloguedErrorIsProducedWordForWordAndNothingElseIsCatalogued() throws IOException {
        inputShapes();
        modelStructure();
        labels();
        dataSizes();
        lifecycle();
        hyperparameters();
        identifiers();
        emptyAndNonFinite();
        weights();
        divergence();
        concurrency();
        files();

        Map<String, String> documented = documented();
        Map<String, String> produced = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Case c : cases) {
            Throwable t = failure(c);
            if (!c.type().isInstance(t)) {
                problems.add("expected " + c.type().getSimpleName() + " but got " + t);
                continue;
            }
            String message = typicalPaths(t.getMessage());
            produced.put(message, c.type().getSimpleName());
            String documentedType = documented.get(message);
            if (documentedType == null) {
                problems.add("not in the catalogue: **`" + c.type().getSimpleName() + "`**\n```text\n" + message + "\n```");
            } else if (!documentedType.equals(c.type().getSimpleName())) {
                problems.add("catalogued as " + documentedType + " but thrown as " + c.type().getSimpleName() + ": " + message);
            }
        }
        documented.keySet().stream().filter(m -> !produced.containsKey(m)).forEach(m -> problems.add("catalogued but never produced: " + m));
        assertTrue(problems.isEmpty(), CATALOGUE + " and the errors disagree:\n\n" + String.join("\n\n", problems));
        assertEquals(documented.size(), produced.size());
    }

    private static Throwable failure(Case c) {
        try {
            c.trigger().run();
        } catch (Throwable t) {
            return t;
        }
        return fail("no exception from a case expecting " + c.type().getSimpleName());
    }

    /** Message text to exception class name, for every entry of the catalogue. */
    static Map<String, String> documented() throws IOException {
        assertTrue(Files.isRegularFile(CATALOGUE), "the error catalogue is missing: " + CATALOGUE);
        Map<String, String> entries = new LinkedHashMap<>();
        Matcher m = ENTRY.matcher(Files.readString(CATALOGUE, StandardCharsets.UTF_8));
        while (m.find()) {
            entries.put(m.group(2), m.group(1));
        }
        return entries;
    }

    /** Temporary folders as a user would see their own folders. */
    private String typicalPaths(String message) {
        return message.replace(tmp.resolve("datasets").toString(), "/home/me/.keras4j/datasets")
                .replace(tmp.resolve("models").toString(), "/home/me/models");
    }

    private static INDArray images(int n) {
        return Nd4j.rand(DataType.FLOAT, n, 28, 28);
    }

    private static INDArray oneHot(int n, int classes) {
        return Utils.toCategorical(Nd4j.zeros(DataType.FLOAT, n), classes);
    }

    private static Sequential mlp784() {
        Sequential model = new Sequential(new Dense(64, "sigmoid").inputShape(784), new Dense(10, "softmax"));
        model.compile("adam", "categorical_crossentropy", "acc");
        return model;
    }

    private void inputShapes() {
        add(IllegalArgumentException.class, () -> mlp784().fit(images(32), oneHot(32, 10), QUIET));
        add(IllegalArgumentException.class, () -> { // the seed model without its Flatten layer
            Sequential model = new Sequential(new Dense(64, "sigmoid").inputShape(28, 28), new Dense(10, "softmax"));
            model.compile("adam", "categorical_crossentropy", "acc");
            model.fit(images(32), oneHot(32, 10), QUIET);
        });
        add(IllegalArgumentException.class, () -> {
            Dense dense = new Dense(64);
            dense.build(Shape.of(784));
            dense.forward(images(32), false);
        });
        add(IllegalArgumentException.class, () -> {
            Dense dense = new Dense(64);
            dense.build(Shape.of(784));
            dense.forward(Nd4j.rand(DataType.FLOAT, 784), false);
        });
        add(IllegalArgumentException.class, () -> {
            Dense dense = new Dense(64);
            dense.build(Shape.of(784));
            dense.forward(Nd4j.rand(DataType.FLOAT, 32, 100), false);
        });
    }

    private void modelStructure() {
        add(IllegalArgumentException.class, () -> new Sequential(new Dense(4).inputShape(3)).add(new Dense(2).inputShape(5)));
        add(IllegalArgumentException.class, () -> new Sequential(new Dense(4), new Dense(2).inputShape(5))
                .predict(Nd4j.rand(DataType.FLOAT, 8, 3)));
        add(IllegalArgumentException.class, () -> {
            Dense shared = new Dense(2).inputShape(3);
            new Sequential(shared);
            new Sequential(shared);
        });
        add(IllegalArgumentException.class, () -> new Sequential(new Dense(8).name("hidden").inputShape(3)).add(new Dense(2).name("hidden")));
        add(IllegalArgumentException.class, () -> {
            Sequential model = new Sequential(new Dense(8, "relu").inputShape(4), new Dense(1, "softmax"));
            model.compile("adam", "binary_crossentropy");
            model.fit(Nd4j.rand(DataType.FLOAT, 32, 4), Nd4j.zeros(DataType.FLOAT, 32), QUIET);
        });
    }

    private void labels() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 32, 784);
        add(IllegalArgumentException.class, () -> mlp784().fit(x, Nd4j.zeros(DataType.FLOAT, 32), QUIET));
        add(IllegalArgumentException.class, () -> {
            Sequential model = mlp784();
            model.compile("adam", "sparse_categorical_crossentropy", "acc");
            model.fit(x, oneHot(32, 10), QUIET);
        });
        add(IllegalArgumentException.class, () -> mlp784().fit(x, oneHot(32, 5), QUIET));
        add(IllegalArgumentException.class, () -> {
            Sequential model = mlp784();
            model.compile("adam", "sparse_categorical_crossentropy", "acc");
            float[] classes = new float[32];
            classes[5] = 10; // the output has 10 units: classes 0 to 9
            model.fit(x, Nd4j.createFromArray(classes), QUIET);
        });
        add(IllegalArgumentException.class, () -> {
            Sequential model = new Sequential(new Dense(8, "relu").inputShape(4), new Dense(1, "sigmoid"));
            model.compile("adam", "binary_crossentropy", "acc");
            model.fit(Nd4j.rand(DataType.FLOAT, 32, 4), oneHot(32, 2), QUIET);
        });
    }

    private void dataSizes() {
        add(IllegalArgumentException.class, () -> mlp784().predict(Nd4j.rand(DataType.FLOAT, 32, 100)));
        add(IllegalArgumentException.class, () -> mlp784().evaluate(Nd4j.rand(DataType.FLOAT, 100, 784), oneHot(90, 10)));
    }

    private void lifecycle() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 32, 784);
        add(IllegalStateException.class, () -> new Sequential(new Dense(10).inputShape(784)).fit(x, oneHot(32, 10), 32, 1));
        add(IllegalStateException.class, () -> new Sequential(new Dense(10).inputShape(784)).evaluate(x, oneHot(32, 10)));
        add(IllegalStateException.class, () -> {
            Sequential empty = new Sequential();
            empty.compile("adam", "categorical_crossentropy");
            empty.fit(x, oneHot(32, 10), 32, 1);
        });
        add(IllegalStateException.class, () -> new Sequential().predict(x));
        add(IllegalStateException.class, () -> new Sequential(new Dense(10)).setWeights(List.of()));
        add(IllegalStateException.class, () -> Utils.fingerprint(new Sequential(new Dense(10))));
    }

    private void hyperparameters() {
        add(IllegalArgumentException.class, () -> new SGD(0));
        add(IllegalArgumentException.class, () -> new Adam(-0.001));
        add(IllegalArgumentException.class, () -> new SGD(0.01, 1.5, false));
        add(IllegalArgumentException.class, () -> new Adam(0.001, 1.0, 0.999, 1e-7));
        add(IllegalArgumentException.class, () -> FitOptions.defaults().withBatchSize(0));
        add(IllegalArgumentException.class, () -> mlp784().predict(Nd4j.rand(DataType.FLOAT, 32, 784), 0));
        add(IllegalArgumentException.class, () -> FitOptions.defaults().withEpochs(-1));
        add(IllegalArgumentException.class, () -> FitOptions.defaults().withValidationSplit(1.0));
        add(IllegalArgumentException.class, () -> new Dropout(1.0));
        add(IllegalArgumentException.class, () -> new Dense(0));
    }

    private void identifiers() {
        add(IllegalArgumentException.class, () -> mlp784().compile("adamm", "categorical_crossentropy"));
        add(IllegalArgumentException.class, () -> mlp784().compile("lbfgs", "categorical_crossentropy"));
        add(IllegalArgumentException.class, () -> mlp784().compile("adam", "categorical_crossentropi"));
        add(IllegalArgumentException.class, () -> mlp784().compile("adam", "categorical_crossentropy", "accuray"));
        add(IllegalArgumentException.class, () -> new Dense(64, "rleu"));
        add(IllegalArgumentException.class, () -> new Dense(64).kernelInitializer("glorot_unifrom"));
    }

    private void emptyAndNonFinite() {
        add(IllegalArgumentException.class, () -> mlp784().fit(Nd4j.create(DataType.FLOAT, 0, 784), oneHot(0, 10), QUIET));
        add(IllegalArgumentException.class, () -> mlp784().predict(Nd4j.rand(DataType.FLOAT, 784)));
        add(IllegalArgumentException.class, () -> {
            INDArray x = Nd4j.rand(DataType.FLOAT, 32, 784);
            x.putScalar(new long[] {7, 300}, Float.NaN);
            mlp784().fit(x, oneHot(32, 10), QUIET);
        });
        add(IllegalArgumentException.class, () -> {
            INDArray y = oneHot(32, 10);
            y.putScalar(new long[] {4, 0}, Float.POSITIVE_INFINITY);
            mlp784().fit(Nd4j.rand(DataType.FLOAT, 32, 784), y, QUIET);
        });
    }

    private void weights() {
        add(IllegalArgumentException.class, () -> {
            Sequential model = mlp784();
            model.setWeights(model.getWeights().subList(0, 3));
        });
        add(IllegalArgumentException.class, () -> {
            Sequential model = mlp784();
            List<INDArray> w = new ArrayList<>(model.getWeights());
            w.set(2, Nd4j.zeros(DataType.FLOAT, 10, 64));
            model.setWeights(w);
        });
    }

    /** y = 3x on four points, one weight starting at 0.5, plain SGD without shuffling: the same steps every run. */
    private static Sequential line(double learningRate) {
        Sequential model = new Sequential(new Dense(1).inputShape(1));
        model.setWeights(List.of(Nd4j.createFromArray(new float[][] {{0.5f}}), Nd4j.zeros(DataType.FLOAT, 1)));
        model.compile(new SGD(learningRate), "mse");
        return model;
    }

    private void divergence() {
        INDArray x = Nd4j.createFromArray(new float[][] {{1}, {2}, {3}, {4}});
        INDArray y = x.mul(3);
        FitOptions options = QUIET.withBatchSize(2).withEpochs(50).withShuffle(false);
        add(ArithmeticException.class, () -> line(10).fit(x, y, options));
        add(ArithmeticException.class, () -> line(1e38).fit(x, y, options));
    }

    private void concurrency() {
        add(IllegalStateException.class, () -> {
            SyntheticData.Labeled data = SyntheticData.blobs(64, 4, 3, 0.5, 9);
            Sequential model = SyntheticData.classifier(4, 3);
            model.compile("adam", "sparse_categorical_crossentropy");
            CountDownLatch inFit = new CountDownLatch(1);
            CountDownLatch probed = new CountDownLatch(1);
            LambdaCallback pause = new LambdaCallback().onEpochEnd((epoch, logs) -> {
                inFit.countDown();
                try {
                    probed.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Thread trainer = new Thread(() -> model.fit(data.x(), data.labels(), QUIET.withCallbacks(pause)), "trainer");
            trainer.start();
            AtomicReference<Throwable> refused = new AtomicReference<>();
            try {
                assertTrue(inFit.await(60, TimeUnit.SECONDS));
                Thread server = new Thread(() -> {
                    try {
                        model.predict(data.x());
                    } catch (Throwable t) {
                        refused.set(t);
                    }
                }, "server");
                server.start();
                server.join();
            } finally {
                probed.countDown();
                trainer.join(60_000);
            }
            throw (Exception) refused.get();
        });
        add(IllegalStateException.class, () -> {
            Sequential model = new Sequential(new Dense(1).inputShape(2));
            model.compile("sgd", "mse");
            model.fit(Nd4j.rand(DataType.FLOAT, 4, 2), Nd4j.rand(DataType.FLOAT, 4, 1),
                    QUIET.withCallbacks(new LambdaCallback().onEpochEnd((epoch, logs) -> model.add(new Dense(1)))));
        });
    }

    private void files() throws IOException {
        Path datasets = Files.createDirectories(tmp.resolve("datasets").resolve(Mnist.FOLDER));
        ByteBuffer header = ByteBuffer.allocate(16 + 784).putInt(0x00000803).putInt(Integer.MIN_VALUE).putInt(28).putInt(28);
        Files.write(datasets.resolve("t10k-images-idx3-ubyte.gz"), header.array()); // claims 2^31 images of 28 x 28
        Files.write(datasets.resolve("t10k-labels-idx1-ubyte.gz"), ByteBuffer.allocate(9).putInt(0x00000801).putInt(1).array());
        add(UncheckedIOException.class, () -> withProperty(DatasetFolder.PROPERTY, datasets.getParent().toString(), Mnist::loadTestData));
        Path model = Files.createDirectories(tmp.resolve("models")).resolve("mnist.keras");
        Files.writeString(model, "not a model\n");
        add(ModelFileException.class, () -> Models.load(model));
    }

    private static void withProperty(String key, String value, Runnable work) {
        String old = System.getProperty(key);
        String oldOrigin = System.getProperty(Mnist.ORIGIN_PROPERTY);
        System.setProperty(key, value);
        System.setProperty(Mnist.ORIGIN_PROPERTY, "http://127.0.0.1:9/"); // never download from here
        try {
            work.run();
        } finally {
            restore(key, old);
            restore(Mnist.ORIGIN_PROPERTY, oldOrigin);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    void theCatalogueReadsAsPlainEntries() throws IOException {
        Map<String, String> entries = documented();
        assertTrue(entries.size() >= 40, "entries found: " + entries.size());
        for (String message : entries.keySet()) {
            assertTrue(!message.contains("\n"), "one line per message: " + message);
        }
    }
}
