package io.github.keras4j.models;

import io.github.keras4j.SyntheticData;
import io.github.keras4j.callbacks.LambdaCallback;
import io.github.keras4j.layers.Dense;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static io.github.keras4j.SyntheticData.floats;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConcurrencyTest {
    private static final int THREADS = 8;

    private static List<INDArray> predictFromThreads(Sequential model, INDArray x, CountDownLatch start) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<INDArray>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    INDArray last = null;
                    for (int i = 0; i < 5; i++) {
                        last = model.predict(x, 7);
                    }
                    return last;
                }));
            }
            start.countDown();
            List<INDArray> results = new ArrayList<>();
            for (Future<INDArray> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void predictFromEightThreadsEqualsSerialPredict() throws Exception {
        Sequential model = new Sequential(new Dense(32, "relu").inputShape(20), new io.github.keras4j.layers.Dropout(0.3),
                new Dense(5, "softmax"));
        INDArray x = Nd4j.rand(DataType.FLOAT, 100, 20);
        float[] serial = floats(model.predict(x, 7)); // the threads' batch size: other sizes may round differently
        for (INDArray r : predictFromThreads(model, x, new CountDownLatch(1))) {
            assertArrayEquals(serial, floats(r));
        }
    }

    @Test
    void evaluateFromEightThreadsEqualsSerialEvaluate() throws Exception {
        var data = SyntheticData.images(90, 3);
        Sequential model = new Sequential(new io.github.keras4j.layers.Flatten().inputShape(28, 28), new Dense(16, "relu"),
                new io.github.keras4j.layers.Dropout(0.5), new Dense(10, "softmax"));
        model.compile("adam", "sparse_categorical_crossentropy", "acc");
        double[] serial = model.evaluate(data.x(), data.labels(), 7);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    double[] last = null;
                    for (int i = 0; i < 5; i++) {
                        last = model.evaluate(data.x(), data.labels(), 7);
                    }
                    return last;
                }));
            }
            start.countDown();
            for (Future<double[]> f : futures) {
                assertArrayEquals(serial, f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theLazyBuildHappensOnceWhenThreadsRaceToIt() throws Exception {
        Sequential model = new Sequential(new Dense(16, "relu"), new Dense(3));
        INDArray x = Nd4j.rand(DataType.FLOAT, 40, 6);
        List<INDArray> results = predictFromThreads(model, x, new CountDownLatch(1));
        assertEquals(6 * 16 + 16 + 16 * 3 + 3, model.countParams());
        float[] expected = floats(model.predict(x, 7));
        for (INDArray r : results) {
            assertArrayEquals(expected, floats(r));
        }
    }

    @Test
    void predictFromAnotherThreadDuringFitIsRefusedButCallbacksMayPredict() throws Exception {
        var data = SyntheticData.blobs(64, 4, 3, 0.5, 9);
        Sequential model = SyntheticData.classifier(4, 3);
        model.compile("adam", "sparse_categorical_crossentropy", "acc");
        CountDownLatch inFit = new CountDownLatch(1);
        CountDownLatch probed = new CountDownLatch(1);
        AtomicReference<INDArray> fromCallback = new AtomicReference<>();
        LambdaCallback pause = new LambdaCallback().onEpochEnd((epoch, logs) -> {
            if (epoch == 0) {
                fromCallback.set(model.predict(data.x())); // the fitting thread itself may predict
                inFit.countDown();
                try {
                    assertTrue(probed.await(60, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        AtomicReference<Throwable> fitError = new AtomicReference<>();
        Thread fitter = new Thread(() -> {
            try {
                model.fit(data.x(), data.labels(), FitOptions.defaults().withVerbose(0).withEpochs(2).withCallbacks(pause));
            } catch (Throwable t) {
                fitError.set(t);
            }
        }, "fitter");
        fitter.start();
        try {
            assertTrue(inFit.await(60, TimeUnit.SECONDS));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> model.predict(data.x()));
            assertEquals("predict() was called on thread '" + Thread.currentThread().getName() + "' while fit() is running on thread"
                    + " 'fitter'. The weights change during fit, so the model cannot be used from another thread until fit returns:"
                    + " wait for it, or do the work in a callback (callbacks run on the fitting thread).", e.getMessage());
            assertThrows(IllegalStateException.class, () -> model.evaluate(data.x(), data.labels()));
            assertThrows(IllegalStateException.class, () -> model.fit(data.x(), data.labels(), FitOptions.defaults().withVerbose(0)));
            assertThrows(IllegalStateException.class, () -> model.setWeights(model.getWeights()));
        } finally {
            probed.countDown();
            fitter.join(60_000);
        }
        assertNull(fitError.get());
        assertEquals(64, fromCallback.get().size(0));
        assertEquals(64, model.predict(data.x()).size(0), "allowed again once fit returned");
    }

    @Test
    void structuralChangesFromACallbackDuringFitAreRefused() {
        Sequential model = new Sequential(new Dense(1).inputShape(2));
        model.compile("sgd", "mse");
        var x = Nd4j.rand(DataType.FLOAT, 4, 2);
        var y = Nd4j.rand(DataType.FLOAT, 4, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> model.fit(x, y, FitOptions.defaults().withVerbose(0)
                .withCallbacks(new LambdaCallback().onEpochEnd((ep, logs) -> model.add(new Dense(1))))));
        assertEquals("add() was called from a callback while fit() is running; change the model before or after fit, not during it.",
                e.getMessage());
        IllegalStateException nested = assertThrows(IllegalStateException.class, () -> model.fit(x, y, FitOptions.defaults().withVerbose(0)
                .withCallbacks(new LambdaCallback().onEpochEnd((ep, logs) -> model.fit(x, y, 2, 1)))));
        assertTrue(nested.getMessage().startsWith("fit() was called while fit() is already running on this thread"), nested.getMessage());
        assertEquals(1, model.layers().size());
        assertEquals(4, model.predict(x).size(0), "the model is usable after the failed fits");
    }
}
