package io.github.keras4j.models;

import io.github.keras4j.callbacks.CallbackList;
import io.github.keras4j.callbacks.TrainingParams;
import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.engine.LayerStack;
import io.github.keras4j.engine.LayerStack.StepResult;
import io.github.keras4j.layers.Parameter;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;

/**
 * Keras' {@code train_on_batch}, {@code test_on_batch} and {@code predict_on_batch}: one step on one batch, the
 * arrays checked as fit and evaluate check them. The results are that batch's loss and metrics alone (Keras'
 * {@code reset_metrics=True}), {@code {loss, metric1, ...}} in compile order.
 */
final class OnBatch {
    private OnBatch() {
    }

    /** One training step: the same step fit takes ({@link LayerStack#trainStep}); a NaN loss is returned and not applied. */
    static double[] train(Sequential model, Compiled compiled, INDArray x, INDArray y) {
        INDArray[] xy = Preflight.checkedPair(model, compiled.loss(), x, y);
        LayerStack stack = model.stack();
        Preflight.checkOutput(stack.layers(), stack.outputShape());
        EpochMetrics metrics = new EpochMetrics(compiled.metrics(), xy[1].shape(), stack.outputShape());
        metrics.reset();
        StepResult step = stack.trainStep(xy[0], xy[1], compiled.loss(), compiled.optimizer());
        if (metrics.hasMetrics()) {
            metrics.stage(xy[1], step.predictions());
        }
        metrics.record(step.loss(), (int) xy[0].size(0));
        return values(metrics.logs());
    }

    /** The loss (penalties included) and metrics of one batch, without training. */
    static double[] test(Sequential model, Compiled compiled, INDArray x, INDArray y) {
        INDArray[] xy = Preflight.checkedPair(model, compiled.loss(), x, y);
        int n = (int) xy[0].size(0);
        Inference.Tester tester = new Inference.Tester(model.stack(), compiled.loss(), compiled.metrics(),
                new ArrayBatches(Batches.inOrderReused(xy[0], xy[1], n)), xy[1].shape());
        return values(tester.run(new CallbackList(List.of(), model, new TrainingParams(1, 1, 0))));
    }

    /** The first half of fit's step: checks the batch, then {@link LayerStack#computeGradients}, copied out as {@link Gradients}. */
    static GradientStep computeGradients(Sequential model, Compiled compiled, INDArray x, INDArray y) {
        INDArray[] xy = Preflight.checkedPair(model, compiled.loss(), x, y);
        LayerStack stack = model.stack();
        StepResult step = stack.computeGradients(xy[0], xy[1], compiled.loss());
        List<Parameter> params = stack.trainableWeights();
        float[] values = new float[Math.toIntExact(FlatWeights.size(params))];
        int offset = 0;
        float[] one = new float[0];
        for (Parameter p : params) {
            int n = (int) p.size();
            one = one.length < n ? new float[n] : one;
            NativeMemory.readFloats(p.gradient(), one);
            System.arraycopy(one, 0, values, offset, n);
            offset += n;
        }
        return new GradientStep(step.loss(), Gradients.wrap(values));
    }

    /** The second half: the gradients written back into the trainable weights' gradient arrays, then the optimizer's update. */
    static void applyGradients(Sequential model, Compiled compiled, Gradients gradients) {
        if (gradients == null) {
            throw new IllegalArgumentException("applyGradients needs Gradients, got null");
        }
        if (!model.isBuilt()) {
            throw new IllegalStateException("applyGradients() on model '" + model.name() + "', which is not built yet and has no"
                    + " weights: compute the gradients with computeGradients(batch) first.");
        }
        LayerStack stack = model.stack();
        List<Parameter> params = stack.trainableWeights();
        long total = FlatWeights.size(params);
        if (gradients.size() != total) {
            throw new IllegalArgumentException("applyGradients: the gradients hold " + gradients.size() + " values but the trainable weights"
                    + " of model '" + model.name() + "' hold " + total + ". Apply gradients computed by this model (or one of the same"
                    + " architecture with the same layers frozen).");
        }
        float[] values = gradients.values();
        long offset = 0;
        float[] one = new float[0];
        for (Parameter p : params) {
            int n = (int) p.size();
            one = one.length < n ? new float[n] : one;
            System.arraycopy(values, (int) offset, one, 0, n);
            NativeMemory.writeFloats(one, p.gradient(), 0, n);
            offset += n;
        }
        stack.applyGradients(compiled.optimizer());
    }

    static double[] values(Map<String, Double> logs) {
        return logs.values().stream().mapToDouble(Double::doubleValue).toArray();
    }
}
