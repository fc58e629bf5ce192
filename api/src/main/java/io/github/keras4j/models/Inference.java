package io.github.keras4j.models;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.callbacks.Callback;
import io.github.keras4j.callbacks.CallbackList;
import io.github.keras4j.callbacks.ProgbarLogger;
import io.github.keras4j.callbacks.TrainingParams;
import io.github.keras4j.data.Batch;
import io.github.keras4j.data.Dataset;
import io.github.keras4j.engine.LayerStack;
import io.github.keras4j.layers.Shape;
import io.github.keras4j.losses.Loss;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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

    static Map<String, Double> evaluate(Sequential model, Compiled compiled, INDArray x, INDArray y, int batchSize, int verbose,
                                        List<Callback> callbacks) {
        checkBatchSize("evaluate", batchSize);
        checkVerbose(verbose);
        INDArray[] xy = Preflight.checkedPair(model, compiled.loss(), x, y);
        INDArray xc = xy[0], yc = xy[1];
        Batches batches = Batches.inOrder(xc, yc, batchSize);
        return test(model, compiled, new ArrayBatches(batches), yc.shape(), verbose, callbacks);
    }

    /** evaluate(dataset): each batch checked as it arrives; the dataset is released at the end. */
    static Map<String, Double> evaluate(Sequential model, Compiled compiled, Dataset data, int verbose, List<Callback> callbacks) {
        checkVerbose(verbose);
        try {
            return test(model, compiled, new CheckedDataset(model, compiled.loss(), data, "evaluation"), null, verbose, callbacks);
        } finally {
            if (data != null) {
                data.release();
            }
        }
    }

    private static Map<String, Double> test(Sequential model, Compiled compiled, Dataset batches, long[] yShape, int verbose,
                                            List<Callback> callbacks) {
        List<Callback> all = callbacks;
        if (verbose > 0 && callbacks.stream().noneMatch(c -> c instanceof ProgbarLogger)) {
            all = new ArrayList<>(callbacks);
            all.add(0, new ProgbarLogger());
        }
        CallbackList list = new CallbackList(all, model, new TrainingParams(1, Math.max(1, batches.numBatches()), Math.max(1, verbose)));
        if (!model.isBuilt() && batches.batch(0) == null) { // builds the model from batch 0, read once more in the pass
            throw new IllegalArgumentException("The evaluated Dataset returned no batch 0: there is nothing to evaluate.");
        }
        return new Tester(model.stack(), compiled.loss(), compiled.metrics(), batches, yShape).run(list);
    }

    /** predict(dataset): the outputs of every batch, in order, in one array. */
    static INDArray predict(Sequential model, Dataset data, List<Callback> callbacks) {
        CheckedDataset batches = new CheckedDataset(model, null, data, "prediction");
        try {
            int count = batches.numBatches();
            CallbackList list = new CallbackList(callbacks, model, new TrainingParams(1, Math.max(1, count), 1));
            Map<String, Double> logs = new LinkedHashMap<>();
            list.onPredictBegin(logs);
            List<INDArray> outputs = new ArrayList<>();
            batches.onEpochBegin();
            for (int b = 0; count == Dataset.UNKNOWN || b < count; b++) {
                Batch batch = batches.batch(b);
                if (batch == null) {
                    break;
                }
                list.onPredictBatchBegin(b, cleared(logs));
                outputs.add(NativeMemory.contiguous(model.stack().forward(batch.x(), false)).dup());
                list.onPredictBatchEnd(b, cleared(logs));
            }
            batches.onEpochEnd();
            list.onPredictEnd(cleared(logs));
            if (outputs.isEmpty()) {
                throw new IllegalArgumentException("The prediction Dataset returned no batch 0: there is nothing to predict.");
            }
            return outputs.size() == 1 ? outputs.get(0) : Nd4j.concat(0, outputs.toArray(new INDArray[0]));
        } finally {
            data.release();
        }
    }

    private static void checkVerbose(int verbose) {
        if (verbose < 0 || verbose > 2) {
            throw new IllegalArgumentException("evaluate: verbose must be 0 (silent), 1 (progress bar) or 2 (one line), as in Keras;"
                    + " got " + verbose + ".");
        }
    }

    /**
     * The loss (regularization penalties included, as Keras adds them) and metrics over a dataset, calling the
     * test hooks. Made once per dataset (fit makes one for its validation data), so a pass reuses its batch
     * buffers, gradient array and logs instead of making them per batch.
     */
    static final class Tester {
        private final LayerStack stack;
        private final Loss loss;
        private final List<String> metricIds;
        private EpochMetrics metrics;
        private final Dataset batches;
        private double[] gradient = new double[0];
        private final Map<String, Double> batchLogs = new LinkedHashMap<>();

        /** @param yShape the labels' shape, for the metrics; null to take it from the first batch */
        Tester(LayerStack stack, Loss loss, List<String> metricIds, Dataset batches, long[] yShape) {
            this.stack = stack;
            this.loss = loss;
            this.metricIds = metricIds;
            this.batches = batches;
            this.metrics = yShape == null ? null : new EpochMetrics(metricIds, yShape, stack.outputShape());
        }

        /** One pass; the logs are keyed {@code loss}, then the metric names (a new map, the caller's to keep). */
        Map<String, Double> run(CallbackList callbacks) {
            if (metrics != null) {
                metrics.reset();
            }
            double penalty = stack.regularizationPenalty(); // the weights do not change while testing
            callbacks.onTestBegin(cleared(batchLogs));
            batches.onEpochBegin();
            int count = batches.numBatches();
            for (int b = 0; count == Dataset.UNKNOWN || b < count; b++) {
                Batch batch = batches.batch(b);
                if (batch == null) {
                    break; // a stream of unknown length has ended
                }
                if (metrics == null) {
                    metrics = new EpochMetrics(metricIds, batch.y().shape(), stack.outputShape());
                    metrics.reset();
                }
                callbacks.onTestBatchBegin(b, cleared(batchLogs));
                INDArray out = stack.forward(batch.x(), false);
                metrics.stage(batch.y(), out);
                int rows = metrics.rows();
                if (gradient.length < rows * metrics.width()) {
                    gradient = new double[rows * metrics.width()];
                }
                double value = loss.compute(metrics.stagedTrue(), metrics.stagedPredictions(), gradient, rows, metrics.width(),
                        metrics.trueWidth());
                metrics.record(value + penalty, rows);
                callbacks.onTestBatchEnd(b, metrics.logsInto(batchLogs));
            }
            batches.onEpochEnd();
            if (metrics == null) {
                throw new IllegalArgumentException("The evaluated Dataset returned no batch 0: there is nothing to evaluate.");
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
