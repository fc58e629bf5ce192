package io.github.keras4j.models;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.callbacks.Callback;
import io.github.keras4j.callbacks.CallbackList;
import io.github.keras4j.callbacks.TrainingParams;
import io.github.keras4j.engine.LayerStack;
import io.github.keras4j.layers.Shape;
import io.github.keras4j.losses.Loss;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * predict, evaluate and fit's validation: forward passes with {@code training = false} (no dropout, no
 * state kept) over row-range views of the data, one batch at a time.
 */
final class Inference {
    private Inference() {
    }

    static INDArray predict(Sequential model, INDArray x, int batchSize, List<Callback> callbacks) {
        checkBatchSize(batchSize);
        Preflight.checkArray("x", x, 2);
        model.ensureBuilt(Shape.ofSamples(x.shape()));
        Preflight.checkInput(model, "x", x);
        LayerStack stack = model.stack();
        INDArray data = Rows.contiguous(x, stack.dataType());
        long n = data.size(0);
        int steps = (int) ((n + batchSize - 1) / batchSize);
        Shape outputShape = stack.outputShape();
        INDArray result = Nd4j.create(stack.dataType(), outputShape.withBatch(n), 'c');
        CallbackList list = new CallbackList(callbacks, model, new TrainingParams(1, steps, 1));
        list.onPredictBegin(new LinkedHashMap<>());
        for (int b = 0; b < steps; b++) {
            list.onPredictBatchBegin(b, new LinkedHashMap<>());
            long start = (long) b * batchSize;
            long end = Math.min(n, start + batchSize);
            INDArray out = NativeMemory.contiguous(stack.forward(Rows.view(data, start, end), false));
            NativeMemory.copy(out, 0, result, start * outputShape.size(), out.length());
            list.onPredictBatchEnd(b, new LinkedHashMap<>());
        }
        list.onPredictEnd(new LinkedHashMap<>());
        return result;
    }

    static double[] evaluate(Sequential model, Compiled compiled, INDArray x, INDArray y, int batchSize, List<Callback> callbacks) {
        checkBatchSize(batchSize);
        Preflight.checkPair("x", x, "y", y);
        model.ensureBuilt(Shape.ofSamples(x.shape()));
        Preflight.checkInput(model, "x", x);
        LayerStack stack = model.stack();
        Shape outputShape = stack.outputShape();
        INDArray xc = Rows.contiguous(x, stack.dataType());
        Preflight.checkFinite("x", xc);
        INDArray yc = Rows.contiguous(y, stack.dataType());
        Preflight.checkFinite("y", yc);
        yc = Preflight.labels(compiled.loss(), "y", yc, outputShape);
        EpochMetrics metrics = new EpochMetrics(compiled.metrics(), yc.shape(), outputShape);
        int steps = (int) ((xc.size(0) + batchSize - 1) / batchSize);
        CallbackList list = new CallbackList(callbacks, model, new TrainingParams(1, steps, 1));
        Map<String, Double> logs = test(stack, compiled.loss(), metrics, xc, yc, batchSize, list);
        return logs.values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The loss (regularization penalties included, as Keras adds them) and metrics over {@code x, y},
     * calling the test hooks; the logs are keyed {@code loss}, then the metric names.
     */
    static Map<String, Double> test(LayerStack stack, Loss loss, EpochMetrics metrics, INDArray x, INDArray y, int batchSize,
                                    CallbackList callbacks) {
        metrics.reset();
        double penalty = stack.regularizationPenalty(); // the weights do not change while testing
        long n = x.size(0);
        double[] gradient = new double[0];
        callbacks.onTestBegin(new LinkedHashMap<>());
        for (int b = 0; (long) b * batchSize < n; b++) {
            callbacks.onTestBatchBegin(b, new LinkedHashMap<>());
            long start = (long) b * batchSize;
            long end = Math.min(n, start + batchSize);
            INDArray out = stack.forward(Rows.view(x, start, end), false);
            metrics.stage(Rows.view(y, start, end), out);
            int rows = metrics.rows();
            if (gradient.length < rows * metrics.width()) {
                gradient = new double[rows * metrics.width()];
            }
            double value = loss.compute(metrics.stagedTrue(), metrics.stagedPredictions(), gradient, rows, metrics.width(),
                    metrics.trueWidth());
            metrics.record(value + penalty, rows);
            callbacks.onTestBatchEnd(b, metrics.logs());
        }
        Map<String, Double> logs = metrics.logs();
        callbacks.onTestEnd(logs);
        return logs;
    }

    private static void checkBatchSize(int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
    }
}
