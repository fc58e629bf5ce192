package io.github.keras4j.models;

import io.github.keras4j.callbacks.History;
import io.github.keras4j.data.Batch;
import io.github.keras4j.data.Dataset;
import io.github.keras4j.layers.Layer;
import io.github.keras4j.losses.Loss;
import io.github.keras4j.optimizers.Optimizer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * What every keras4j model offers, as Keras' {@code Model} does: its layers and weights, its compile state, inference,
 * training on a {@link Dataset}, and the training step split in two, {@link #computeGradients} then
 * {@link #applyGradients}, so that something other than fit can train it: a custom loop, or a data-parallel trainer
 * that combines the gradients of several workers between the two calls. {@link #trainOnBatch} is the two calls in a
 * row and takes exactly fit's step. {@link Sequential} implements it.
 */
public interface Model {
    /** The model's name, e.g. {@code sequential}. */
    String name();

    /** The layers, in order; read-only. */
    List<Layer> layers();

    boolean isBuilt();

    /** Copies of every weight in Keras' order (kernel, bias, layer by layer). */
    List<INDArray> getWeights();

    /** Sets every weight, in {@link #getWeights()} order. */
    void setWeights(List<INDArray> weights);

    /** Every weight in {@link #getWeights()} order, flattened (each in c order) into one float32 array: what a trainer broadcasts. */
    float[] getFlatWeights();

    /** Sets every weight from one array in {@link #getFlatWeights()} layout. */
    void setFlatWeights(float[] weights);

    /** The number of scalars in the weights. */
    long countParams();

    /** The compiled optimizer, or null before compile. */
    Optimizer optimizer();

    /** The compiled loss, or null before compile. */
    Loss loss();

    /** The metric names given to compile, in order. */
    List<String> metricNames();

    /** The outputs for {@code x}, in batches, without dropout. */
    INDArray predict(INDArray x);

    /** Trains on a dataset, a batch at a time. */
    History fit(Dataset train, FitOptions options);

    /** {@code {loss, metric1, ...}} over a dataset. */
    double[] evaluate(Dataset data);

    /** One training step: {@link #computeGradients} then {@link #applyGradients}; returns the batch's loss and metrics. */
    double[] trainOnBatch(INDArray x, INDArray y);

    /** The loss and metrics of one batch, without training. */
    double[] testOnBatch(INDArray x, INDArray y);

    /** The outputs for {@code x} as one batch. */
    INDArray predictOnBatch(INDArray x);

    /** The first half of a training step: the batch's loss and dLoss/dw of the trainable weights; no weight changes. */
    GradientStep computeGradients(Batch batch);

    /** The second half: the compiled optimizer's update of the trainable weights from {@code gradients}. */
    void applyGradients(Gradients gradients);

    /** Asks fit to stop after the current batch (Keras' {@code model.stop_training = True}). */
    void stopTraining(boolean stop);

    boolean stopTraining();
}
