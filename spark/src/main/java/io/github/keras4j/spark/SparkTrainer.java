package io.github.keras4j.spark;

import io.github.keras4j.layers.Layer;
import io.github.keras4j.layers.Parameter;
import io.github.keras4j.layers.Shape;
import io.github.keras4j.models.FitOptions;
import io.github.keras4j.callbacks.History;
import io.github.keras4j.models.Sequential;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import scala.Tuple2;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * Data-parallel training of one compiled {@link Sequential} over samples spread across Spark executors, by
 * synchronous <b>parameter averaging</b> (as Deeplearning4j's {@code ParameterAveragingTrainingMaster}). The driver
 * broadcasts the model once as its {@code .keras} file (layers, compile settings, optimizer); in each round it
 * broadcasts the current {@link ModelState} (weights, optimizer slots, step count), every worker sets its copy of
 * the model to it, trains {@code K} mini-batches of its own partition with the model's own {@code fit}, and
 * sends back its state; the driver sets the model to their mean and goes on with the next round.
 *
 * <p>What is averaged: every weight {@code getWeights} lists, trainable or not, so BatchNormalization's moving
 * statistics too; and the optimizer's slots (momentum, Adam's moments) of each trainable weight. The optimizer's
 * step count advances by the most steps any worker took. A worker keeps its copy of the model between rounds, so
 * its Dropout generators go on (every worker starts them from the driver's state, so workers draw alike). A
 * worker's batches are never shuffled: sample {@code i} of the data lives in partition {@code i % workers}, in
 * order.
 *
 * <p>With one worker this is the model's own {@code fit} without shuffling, bit for bit; with {@code K = 1}
 * and plain SGD it is synchronous gradient averaging, since the mean of one step from the same weights is one step
 * along the mean gradient.
 */
public final class SparkTrainer {
    private final JavaSparkContext spark;
    private final int workers;
    private final int averagingFrequency;
    private final int batchSize;

    /**
     * @param workers            the partitions the data is spread over, one worker's share each
     * @param averagingFrequency K: the mini-batches each worker trains between two averagings
     * @param batchSize          the mini-batch size on every worker
     */
    public SparkTrainer(JavaSparkContext spark, int workers, int averagingFrequency, int batchSize) {
        if (spark == null) {
            throw new IllegalArgumentException("SparkTrainer needs a JavaSparkContext, got null");
        }
        if (workers < 1 || averagingFrequency < 1 || batchSize < 1) {
            throw new IllegalArgumentException("SparkTrainer needs workers, averagingFrequency and batchSize >= 1, got "
                    + workers + ", " + averagingFrequency + " and " + batchSize);
        }
        this.spark = spark;
        this.workers = workers;
        this.averagingFrequency = averagingFrequency;
        this.batchSize = batchSize;
    }

    /** The samples of a DataFrame with a {@code features} array column and a {@code label} column ({@link RowSamples}). */
    public JavaRDD<Sample> samples(Dataset<Row> frame, int classes) {
        return RowSamples.of(frame, classes);
    }

    /** Trains {@code model} (compiled, built) for {@code epochs} over {@code data}; the model ends with the averaged weights. */
    public SparkHistory fit(Sequential model, JavaRDD<Sample> data, int epochs) throws IOException {
        if (model == null || model.optimizer() == null || model.layers().isEmpty() || model.layers().get(0).builtInputShape() == null) {
            throw new IllegalStateException("SparkTrainer.fit needs a compiled model that is built (give its first layer an"
                    + " input shape); got " + (model == null ? "null" : "model '" + model.name() + "'"));
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("SparkTrainer.fit needs epochs >= 1, got " + epochs);
        }
        int[] sampleShape = model.layers().get(0).builtInputShape().dims();
        JavaRDD<Sample> shares = spread(data).cache();
        Broadcast<byte[]> file = spark.broadcast(ModelBytes.of(model));
        String fit = UUID.randomUUID().toString();
        try {
            List<Long> sizes = shares.mapPartitions(it -> {
                long n = 0;
                for (; it.hasNext(); it.next()) {
                    n++;
                }
                return List.of(n).iterator();
            }).collect();
            long largest = Collections.max(sizes);
            int rounds = (int) ceilDiv(ceilDiv(largest, batchSize), averagingFrequency);
            SparkHistory history = new SparkHistory();
            for (int epoch = 1; epoch <= epochs; epoch++) {
                long start = System.nanoTime();
                double lossSum = 0, trainSeconds = 0;
                long steps = 0;
                for (int round = 0; round < rounds; round++) {
                    List<WorkerUpdate> updates = round(model, fit, file, shares, round, sampleShape);
                    for (WorkerUpdate u : updates) {
                        lossSum += u.lossSum();
                        steps += u.steps();
                    }
                    trainSeconds += updates.stream().mapToDouble(WorkerUpdate::trainSeconds).max().orElse(0);
                    ParameterAveraging.set(model, ParameterAveraging.mean(updates.stream().map(WorkerUpdate::state).toList()));
                }
                history.add(new SparkHistory.Epoch(epoch, lossSum / steps, (System.nanoTime() - start) / 1e9, rounds, trainSeconds));
            }
            return history;
        } finally {
            file.destroy();
            shares.unpersist();
        }
    }

    /** Sample {@code i} into partition {@code i % workers}, each partition in the data's order. */
    private JavaRDD<Sample> spread(JavaRDD<Sample> data) {
        int w = workers;
        return data.zipWithIndex().mapToPair(t -> new Tuple2<>(t._2(), t._1()))
                .partitionBy(new HashPartitioner(w)) // a Long's hash is itself for indices below 2^31: i % w
                .mapPartitions(it -> {
                    List<Tuple2<Long, Sample>> all = new ArrayList<>();
                    it.forEachRemaining(all::add);
                    all.sort((a, b) -> Long.compare(a._1(), b._1()));
                    return all.stream().map(Tuple2::_2).iterator();
                }, true);
    }

    private List<WorkerUpdate> round(Sequential model, String fit, Broadcast<byte[]> file, JavaRDD<Sample> shares, int round,
                                     int[] sampleShape) {
        Broadcast<ModelState> state = spark.broadcast(ParameterAveraging.stateOf(model));
        int k = averagingFrequency, b = batchSize;
        try {
            return shares.mapPartitionsWithIndex((partition, it) ->
                    train(WorkerModels.get(fit, partition, file.value()), state.value(), it, round, k, b, sampleShape), true).collect();
        } finally {
            state.destroy();
        }
    }

    /** A worker's share of one round: its mini-batches {@code round * K} to {@code round * K + K - 1}, from {@code state}. */
    static Iterator<WorkerUpdate> train(Sequential model, ModelState state, Iterator<Sample> share, int round, int k, int b,
                                        int[] sampleShape) {
        List<Sample> all = new ArrayList<>();
        share.forEachRemaining(all::add);
        long from = (long) round * k * b;
        int to = (int) Math.min(all.size(), from + (long) k * b);
        if (from >= to) {
            return Collections.emptyIterator(); // a smaller partition that has used up its batches this epoch
        }
        List<Sample> mine = all.subList((int) from, to);
        ParameterAveraging.set(model, state);
        long start = System.nanoTime();
        History h = model.fit(stack(mine, true, sampleShape), stack(mine, false, null),
                FitOptions.defaults().withBatchSize(b).withEpochs(1).withShuffle(false).withVerbose(0));
        double seconds = (System.nanoTime() - start) / 1e9;
        int steps = (int) ceilDiv(mine.size(), b);
        // fit reports the mean loss over its steps; the driver weighs it by the steps
        double loss = h.history().get("loss").get(0) * steps;
        return List.of(new WorkerUpdate(mine.size(), steps, loss, ParameterAveraging.stateOf(model), seconds)).iterator();
    }

    /** {@link #stack} for flat features, for tests that replay a worker by hand. */
    static INDArray stackForTest(List<Sample> samples, boolean features) {
        return stack(samples, features, new int[] {samples.get(0).features().length});
    }

    private static INDArray stack(List<Sample> samples, boolean features, int[] sampleShape) {
        int width = features ? samples.get(0).features().length : samples.get(0).label().length;
        float[] flat = new float[samples.size() * width];
        for (int i = 0; i < samples.size(); i++) {
            System.arraycopy(features ? samples.get(i).features() : samples.get(i).label(), 0, flat, i * width, width);
        }
        long[] shape = features ? Shape.of(sampleShape).withBatch(samples.size()) : new long[] {samples.size(), width};
        return Nd4j.create(flat, shape, 'c');
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b; // Math.ceilDiv is Java 18
    }

    /** Every weight of the model, layer by layer, in {@code getWeights} order. */
    static List<Parameter> parameters(Sequential model) {
        List<Parameter> all = new ArrayList<>();
        for (Layer l : model.layers()) {
            all.addAll(l.weights());
        }
        return all;
    }
}
