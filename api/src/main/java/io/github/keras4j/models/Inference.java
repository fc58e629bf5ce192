package io.github.keras4j.models;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.callbacks.Callback;
import io.github.keras4j.callbacks.CallbackList;
import io.github.keras4j.callbacks.ProgbarLogger;
import io.github.keras4j.callbacks.TrainingParams;
import io.github.keras4j.engine.LayerStack;
import io.github.keras4j.layers.Shape;
import io.github.keras4j.losses.Loss;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * predict, evaluate and fit's validation: forward passes with {@code training = false} (no dropout, no
 * state kept), one batch at a time, each batch a view of the data or a copy, whichever is cheaper
 * ({@link Batches#inOrder}).
 */
final class Inference {
    private Inference() {
    }

    static INDArray predict(Sequential model, INDArray x, int batchSize, List<Callback> callbacks) {
        checkBatchSize("predict", batchSize);
        Preflight.checkArray("x", x, 2);
        model.ensureBuilt(Shape.ofSamples(x.shape()));
        Preflight.checkInput(model, "x", x);
        LayerStack stack = model.stack();
        INDArray data = Rows.contiguous(x, stack.dataType());
        long n = data.size(0);
        Batches batches = Batches.inOrder(data, null, batchSize);
        Shape outputShape = stack.outputShape();
        INDArray result = NativeMemory.create(stack.dataType(), outputShape.withBatch(n));
        CallbackList list = new CallbackList(callbacks, model, new TrainingParams(1, batches.count(), 1));
        Map<String, Double> logs = new LinkedHashMap<>(); // empty, as Keras passes; reused: callbacks read it during the call
        list.onPredictBegin(logs);
        long start = 0;
        for (int b = 0; b < batches.count(); b++) {
            list.onPredictBatchBegin(b, cleared(logs));
            INDArray out = NativeMemory.contiguous(stack.forward(batches.x(b), false));
            NativeMemory.copy(out, 0, result, start * outputShape.size(), out.length());
            start += batches.size(b);
            list.onPredictBatchEnd(b, cleared(logs));
        }
        list.onPredictEnd(cleared(logs));
        return result;
    }

    static double[] evaluate(Sequential model, Compiled compiled, INDArray x, INDArray y, int batchSize, int verbose,
                             List<Callback> callbacks) {
        checkBatchSize("evaluate", batchSize);
        if (verbose < 0 || verbose > 2) {
            throw new IllegalArgumentException("evaluate: verbose must be 0 (silent), 1 (progress bar) or 2 (one line), as in Keras;"
                    + " got " + verbose + ".");
        }
        Preflight.checkPair("x", x, "y", y);
        model.ensureBuilt(Shape.ofSamples(x.shape()));
        Preflight.checkInput(model, "x", x);
        LayerStack stack = model.stack();
        Shape outputShape = stack.outputShape();
        INDArray xc = Rows.contiguous(x, stack.dataType());
        Preflight.checkFinite("x", xc);
        INDArray yc = Rows.contiguous(y, stack.dataType());
        Preflight.checkFinite("y", yc);
        yc = Preflight.labels(model, compiled.loss(), "y", yc);
        EpochMetrics metrics = new EpochMetrics(compiled.metrics(), yc.shape(), outputShape);
        Batches batches = Batches.inOrder(xc, yc, batchSize);
        List<Callback> all = callbacks;
        if (verbose > 0 && callbacks.stream().noneMatch(c -> c instanceof ProgbarLogger)) {
            all = new ArrayList<>(callbacks);
            all.add(0, new ProgbarLogger());
        }
        CallbackList list = new CallbackList(all, model, new TrainingParams(1, batches.count(), Math.max(1, verbose)));
        Map<String, Double> logs = new Tester(stack, compiled.loss(), metrics, batches).run(list);
        return logs.values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The loss (regularization penalties included, as Keras adds them) and metrics over a dataset, calling the
     * test hooks. Made once per dataset (fit makes one for its validation data), so a pass reuses its batch
     * buffers, gradient array and logs instead of making them per batch.
     */
    static final class Tester {
        private final LayerStack stack;
        private final Loss loss;
        private final EpochMetrics metrics;
        private final Batches batches;
        private double[] gradient = new double[0];
        private final Map<String, Double> batchLogs = new LinkedHashMap<>();

        Tester(LayerStack stack, Loss loss, EpochMetrics metrics, Batches batches) {
            this.stack = stack;
            this.loss = loss;
            this.metrics = metrics;
            this.batches = batches;
        }

        /** One pass; the logs are keyed {@code loss}, then the metric names (a new map, the caller's to keep). */
        Map<String, Double> run(CallbackList callbacks) {
            metrics.reset();
            double penalty = stack.regularizationPenalty(); // the weights do not change while testing
            callbacks.onTestBegin(cleared(batchLogs));
            for (int b = 0; b < batches.count(); b++) {
                callbacks.onTestBatchBegin(b, cleared(batchLogs));
                INDArray out = stack.forward(batches.x(b), false);
                metrics.stage(batches.y(b), out);
                int rows = metrics.rows();
                if (gradient.length < rows * metrics.width()) {
                    gradient = new double[rows * metrics.width()];
                }
                double value = loss.compute(metrics.stagedTrue(), metrics.stagedPredictions(), gradient, rows, metrics.width(),
                        metrics.trueWidth());
                metrics.record(value + penalty, rows);
                callbacks.onTestBatchEnd(b, metrics.logsInto(batchLogs));
            }
            Map<String, Double> logs = metrics.logs();
            callbacks.onTestEnd(logs);
            return logs;
        }
    }

    private static Map<String, Double> cleared(Map<String, Double> logs) {
        logs.clear();
        return logs;
    }

    private static void checkBatchSize(String method, int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException(method + ": batchSize must be >= 1, got " + batchSize + ". It is the number of samples"
                    + " computed at once and changes nothing else; leave it out to use " + Sequential.DEFAULT_BATCH_SIZE + ".");
        }
    }
}
