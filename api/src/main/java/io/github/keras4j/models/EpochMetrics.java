package io.github.keras4j.models;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.layers.Shape;
import io.github.keras4j.metrics.Metric;
import io.github.keras4j.metrics.Metrics;
import io.github.keras4j.metrics.SparseCategoricalAccuracy;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The loss and compiled metrics of one pass over the data, accumulated batch by batch.
 *
 * <p>The loss is the batch-size-weighted mean of the batch losses (Keras' loss tracker, a {@code Mean}
 * metric updated with {@code sample_weight = batch size}), so a last partial batch counts for its size.
 * Labels and predictions are staged once per batch into reused arrays, which the metrics (and the
 * loss, when evaluating) read.
 */
final class EpochMetrics {
    private final List<Metric> metrics = new ArrayList<>();
    private double lossTotal;
    private long samples;
    private double[] yTrue = new double[0];
    private double[] yPred = new double[0];
    private int rows;
    private int width;
    private int trueWidth;

    /** The metrics for {@code ids}, resolved for labels of {@code yShape} and outputs of {@code outputShape}. */
    EpochMetrics(List<String> ids, long[] yShape, Shape outputShape) {
        long[] predShape = outputShape.withBatch(yShape[0]);
        long labelWidth = yShape[0] == 0 ? 0 : java.util.Arrays.stream(yShape).skip(1).reduce(1, (a, b) -> a * b);
        for (String id : ids) {
            Metric m = Metrics.get(id, yShape, predShape);
            if (!(m instanceof SparseCategoricalAccuracy) && labelWidth != outputShape.size()) {
                throw new IllegalArgumentException("Metric '" + id + "' compares labels with outputs value by value, so the labels must have"
                        + " the output's shape " + Shape.describe(predShape) + ", but they have shape " + Shape.describe(yShape)
                        + ". Use it with one-hot labels (Utils.toCategorical), or drop it from compile.");
            }
            metrics.add(m);
        }
    }

    boolean hasMetrics() {
        return !metrics.isEmpty();
    }

    void reset() {
        lossTotal = 0;
        samples = 0;
        metrics.forEach(Metric::reset);
    }

    /** Copies a batch's labels and predictions into the staging arrays. */
    void stage(INDArray y, INDArray predictions) {
        INDArray p = NativeMemory.contiguous(predictions);
        rows = (int) p.size(0);
        width = (int) (p.length() / rows);
        trueWidth = (int) (y.length() / rows);
        if (yTrue.length < y.length()) {
            yTrue = new double[(int) y.length()];
        }
        if (yPred.length < p.length()) {
            yPred = new double[(int) p.length()];
        }
        NativeMemory.read(y, yTrue);
        NativeMemory.read(p, yPred);
    }

    double[] stagedTrue() {
        return yTrue;
    }

    double[] stagedPredictions() {
        return yPred;
    }

    int rows() {
        return rows;
    }

    int width() {
        return width;
    }

    int trueWidth() {
        return trueWidth;
    }

    /** Adds a batch of {@code batchRows} samples with mean loss {@code loss}; metrics read the staged batch. */
    void record(double loss, int batchRows) {
        lossTotal += loss * batchRows;
        samples += batchRows;
        for (int i = 0; i < metrics.size(); i++) { // indexed: no iterator garbage per step
            Metric m = metrics.get(i);
            m.update(yTrue, yPred, rows, width, trueWidth);
        }
    }

    /** {@code loss}, then each metric by its name, in compile order. */
    Map<String, Double> logs() {
        return logsInto(new LinkedHashMap<>());
    }

    /** As {@link #logs()}, refilling {@code logs} (cleared first) instead of making a new map. */
    Map<String, Double> logsInto(Map<String, Double> logs) {
        logs.clear();
        logs.put("loss", samples == 0 ? 0 : lossTotal / samples);
        for (int i = 0; i < metrics.size(); i++) {
            Metric m = metrics.get(i);
            logs.put(m.name(), m.result());
        }
        return logs;
    }
}
