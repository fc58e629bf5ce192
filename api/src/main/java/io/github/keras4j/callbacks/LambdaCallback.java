package io.github.keras4j.callbacks;

import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A callback made of lambdas (Keras' {@code LambdaCallback}), e.g.
 * {@code new LambdaCallback().onEpochEnd((epoch, logs) -> System.out.println(logs))}. Each setter takes
 * the function for one hook and returns the callback; hooks not set do nothing. {@code onBatchBegin} and
 * {@code onBatchEnd} are the training batch hooks, as in Keras.
 */
public class LambdaCallback extends Callback {
    private BiConsumer<Integer, Map<String, Double>> epochBegin = (e, l) -> { };
    private BiConsumer<Integer, Map<String, Double>> epochEnd = (e, l) -> { };
    private BiConsumer<Integer, Map<String, Double>> batchBegin = (b, l) -> { };
    private BiConsumer<Integer, Map<String, Double>> batchEnd = (b, l) -> { };
    private Consumer<Map<String, Double>> trainBegin = l -> { };
    private Consumer<Map<String, Double>> trainEnd = l -> { };

    public LambdaCallback onEpochBegin(BiConsumer<Integer, Map<String, Double>> f) {
        epochBegin = Objects.requireNonNull(f, "onEpochBegin");
        return this;
    }

    public LambdaCallback onEpochEnd(BiConsumer<Integer, Map<String, Double>> f) {
        epochEnd = Objects.requireNonNull(f, "onEpochEnd");
        return this;
    }

    public LambdaCallback onBatchBegin(BiConsumer<Integer, Map<String, Double>> f) {
        batchBegin = Objects.requireNonNull(f, "onBatchBegin");
        return this;
    }

    public LambdaCallback onBatchEnd(BiConsumer<Integer, Map<String, Double>> f) {
        batchEnd = Objects.requireNonNull(f, "onBatchEnd");
        return this;
    }

    public LambdaCallback onTrainBegin(Consumer<Map<String, Double>> f) {
        trainBegin = Objects.requireNonNull(f, "onTrainBegin");
        return this;
    }

    public LambdaCallback onTrainEnd(Consumer<Map<String, Double>> f) {
        trainEnd = Objects.requireNonNull(f, "onTrainEnd");
        return this;
    }

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
        epochBegin.accept(epoch, logs);
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        epochEnd.accept(epoch, logs);
    }

    @Override
    public void onTrainBatchBegin(int batch, Map<String, Double> logs) {
        batchBegin.accept(batch, logs);
    }

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        batchEnd.accept(batch, logs);
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        trainBegin.accept(logs);
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        trainEnd.accept(logs);
    }
}
