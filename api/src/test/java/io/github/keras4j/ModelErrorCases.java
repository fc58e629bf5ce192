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

import static io.github.keras4j.ErrorCases.QUIET;
import static io.github.keras4j.ErrorCases.images;
import static io.github.keras4j.ErrorCases.mlp784;
import static io.github.keras4j.ErrorCases.oneHot;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalogue's entries about models, layers, data, hyperparameters, identifiers, training and threads. */
final class ModelErrorCases implements CatalogueSection {
    @Override
    public void addTo(ErrorCases cases) {
        inputShapes(cases);
        modelStructure(cases);
        labels(cases);
        dataSizes(cases);
        lifecycle(cases);
        hyperparameters(cases);
        identifiers(cases);
        emptyAndNonFinite(cases);
        weights(cases);
        divergence(cases);
        concurrency(cases);
    }
    private void inputShapes(ErrorCases cases) {
        cases.add(IllegalArgumentException.class, () -> mlp784().fit(images(32), oneHot(32, 10), QUIET));
        cases.add(IllegalArgumentException.class, () -> { // the seed model without its Flatten layer
            Sequential model = new Sequential(new Dense(64, "sigmoid").inputShape(28, 28), new Dense(10, "softmax"));
            model.compile("adam", "categorical_crossentropy", "acc");
            model.fit(images(32), oneHot(32, 10), QUIET);
        });
        cases.add(IllegalArgumentException.class, () -> {
            Dense dense = new Dense(64);
            dense.build(Shape.of(784));
            dense.forward(images(32), false);
        });
        cases.add(IllegalArgumentException.class, () -> {
            Dense dense = new Dense(64);
            dense.build(Shape.of(784));
            dense.forward(Nd4j.rand(DataType.FLOAT, 784), false);
        });
        cases.add(IllegalArgumentException.class, () -> {
            Dense dense = new Dense(64);
            dense.build(Shape.of(784));
            dense.forward(Nd4j.rand(DataType.FLOAT, 32, 100), false);
        });
    }
    private void modelStructure(ErrorCases cases) {
        cases.add(IllegalArgumentException.class, () -> new Sequential(new Dense(4).inputShape(3)).add(new Dense(2).inputShape(5)));
        cases.add(IllegalArgumentException.class, () -> new Sequential(new Dense(4), new Dense(2).inputShape(5))
                .predict(Nd4j.rand(DataType.FLOAT, 8, 3)));
        cases.add(IllegalArgumentException.class, () -> {
            Dense shared = new Dense(2).inputShape(3);
            new Sequential(shared);
            new Sequential(shared);
        });
        cases.add(IllegalArgumentException.class, () -> new Sequential(new Dense(8).name("hidden").inputShape(3)).add(new Dense(2).name("hidden")));
        cases.add(IllegalArgumentException.class, () -> {
            Sequential model = new Sequential(new Dense(8, "relu").inputShape(4), new Dense(1, "softmax"));
            model.compile("adam", "binary_crossentropy");
            model.fit(Nd4j.rand(DataType.FLOAT, 32, 4), Nd4j.zeros(DataType.FLOAT, 32), QUIET);
        });
    }
    private void labels(ErrorCases cases) {
        INDArray x = Nd4j.rand(DataType.FLOAT, 32, 784);
        cases.add(IllegalArgumentException.class, () -> mlp784().fit(x, Nd4j.zeros(DataType.FLOAT, 32), QUIET));
        cases.add(IllegalArgumentException.class, () -> {
            Sequential model = mlp784();
            model.compile("adam", "sparse_categorical_crossentropy", "acc");
            model.fit(x, oneHot(32, 10), QUIET);
        });
        cases.add(IllegalArgumentException.class, () -> mlp784().fit(x, oneHot(32, 5), QUIET));
        cases.add(IllegalArgumentException.class, () -> {
            Sequential model = mlp784();
            model.compile("adam", "sparse_categorical_crossentropy", "acc");
            float[] classes = new float[32];
            classes[5] = 10; // the output has 10 units: classes 0 to 9
            model.fit(x, Nd4j.createFromArray(classes), QUIET);
        });
        cases.add(IllegalArgumentException.class, () -> {
            Sequential model = new Sequential(new Dense(8, "relu").inputShape(4), new Dense(1, "sigmoid"));
            model.compile("adam", "binary_crossentropy", "acc");
            model.fit(Nd4j.rand(DataType.FLOAT, 32, 4), oneHot(32, 2), QUIET);
        });
    }
    private void dataSizes(ErrorCases cases) {
        cases.add(IllegalArgumentException.class, () -> mlp784().predict(Nd4j.rand(DataType.FLOAT, 32, 100)));
        cases.add(IllegalArgumentException.class, () -> mlp784().evaluate(Nd4j.rand(DataType.FLOAT, 100, 784), oneHot(90, 10)));
    }
    private void lifecycle(ErrorCases cases) {
        INDArray x = Nd4j.rand(DataType.FLOAT, 32, 784);
        cases.add(IllegalStateException.class, () -> new Sequential(new Dense(10).inputShape(784)).fit(x, oneHot(32, 10), 32, 1));
        cases.add(IllegalStateException.class, () -> new Sequential(new Dense(10).inputShape(784)).evaluate(x, oneHot(32, 10)));
        cases.add(IllegalStateException.class, () -> {
            Sequential empty = new Sequential();
            empty.compile("adam", "categorical_crossentropy");
            empty.fit(x, oneHot(32, 10), 32, 1);
        });
        cases.add(IllegalStateException.class, () -> new Sequential().predict(x));
        cases.add(IllegalStateException.class, () -> new Sequential(new Dense(10)).setWeights(List.of()));
        cases.add(IllegalStateException.class, () -> Utils.fingerprint(new Sequential(new Dense(10))));
    }
    private void hyperparameters(ErrorCases cases) {
        cases.add(IllegalArgumentException.class, () -> new SGD(0));
        cases.add(IllegalArgumentException.class, () -> new Adam(-0.001));
        cases.add(IllegalArgumentException.class, () -> new SGD(0.01, 1.5, false));
        cases.add(IllegalArgumentException.class, () -> new Adam(0.001, 1.0, 0.999, 1e-7));
        cases.add(IllegalArgumentException.class, () -> FitOptions.defaults().withBatchSize(0));
        cases.add(IllegalArgumentException.class, () -> mlp784().predict(Nd4j.rand(DataType.FLOAT, 32, 784), 0));
        cases.add(IllegalArgumentException.class, () -> FitOptions.defaults().withEpochs(-1));
        cases.add(IllegalArgumentException.class, () -> FitOptions.defaults().withValidationSplit(1.0));
        cases.add(IllegalArgumentException.class, () -> new Dropout(1.0));
        cases.add(IllegalArgumentException.class, () -> new Dense(0));
    }
    private void identifiers(ErrorCases cases) {
        cases.add(IllegalArgumentException.class, () -> mlp784().compile("adamm", "categorical_crossentropy"));
        cases.add(IllegalArgumentException.class, () -> mlp784().compile("lbfgs", "categorical_crossentropy"));
        cases.add(IllegalArgumentException.class, () -> mlp784().compile("adam", "categorical_crossentropi"));
        cases.add(IllegalArgumentException.class, () -> mlp784().compile("adam", "categorical_crossentropy", "accuray"));
        cases.add(IllegalArgumentException.class, () -> new Dense(64, "rleu"));
        cases.add(IllegalArgumentException.class, () -> new Dense(64).kernelInitializer("glorot_unifrom"));
    }
    private void emptyAndNonFinite(ErrorCases cases) {
        cases.add(IllegalArgumentException.class, () -> mlp784().fit(Nd4j.create(DataType.FLOAT, 0, 784), oneHot(0, 10), QUIET));
        cases.add(IllegalArgumentException.class, () -> mlp784().predict(Nd4j.rand(DataType.FLOAT, 784)));
        cases.add(IllegalArgumentException.class, () -> {
            INDArray x = Nd4j.rand(DataType.FLOAT, 32, 784);
            x.putScalar(new long[] {7, 300}, Float.NaN);
            mlp784().fit(x, oneHot(32, 10), QUIET);
        });
        cases.add(IllegalArgumentException.class, () -> {
            INDArray y = oneHot(32, 10);
            y.putScalar(new long[] {4, 0}, Float.POSITIVE_INFINITY);
            mlp784().fit(Nd4j.rand(DataType.FLOAT, 32, 784), y, QUIET);
        });
    }
    private void weights(ErrorCases cases) {
        cases.add(IllegalArgumentException.class, () -> {
            Sequential model = mlp784();
            model.setWeights(model.getWeights().subList(0, 3));
        });
        cases.add(IllegalArgumentException.class, () -> {
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
    private void divergence(ErrorCases cases) {
        INDArray x = Nd4j.createFromArray(new float[][] {{1}, {2}, {3}, {4}});
        INDArray y = x.mul(3);
        FitOptions options = QUIET.withBatchSize(2).withEpochs(50).withShuffle(false);
        cases.add(ArithmeticException.class, () -> line(10).fit(x, y, options));
        cases.add(ArithmeticException.class, () -> line(1e38).fit(x, y, options));
    }
    private void concurrency(ErrorCases cases) {
        cases.add(IllegalStateException.class, () -> {
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
        cases.add(IllegalStateException.class, () -> {
            Sequential model = new Sequential(new Dense(1).inputShape(2));
            model.compile("sgd", "mse");
            model.fit(Nd4j.rand(DataType.FLOAT, 4, 2), Nd4j.rand(DataType.FLOAT, 4, 1),
                    QUIET.withCallbacks(new LambdaCallback().onEpochEnd((epoch, logs) -> model.add(new Dense(1)))));
        });
    }
}
