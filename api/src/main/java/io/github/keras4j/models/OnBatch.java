package io.github.keras4j.models;

import io.github.keras4j.callbacks.CallbackList;
import io.github.keras4j.callbacks.TrainingParams;
import io.github.keras4j.engine.LayerStack;
import io.github.keras4j.engine.LayerStack.StepResult;
import io.github.keras4j.layers.Shape;
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
        INDArray[] xy = prepare(model, compiled, x, y);
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
        INDArray[] xy = prepare(model, compiled, x, y);
        int n = (int) xy[0].size(0);
        Inference.Tester tester = new Inference.Tester(model.stack(), compiled.loss(), compiled.metrics(),
                new ArrayBatches(Batches.inOrderReused(xy[0], xy[1], n)), xy[1].shape());
        return values(tester.run(new CallbackList(List.of(), model, new TrainingParams(1, 1, 0))));
    }

    private static INDArray[] prepare(Sequential model, Compiled compiled, INDArray x, INDArray y) {
        Preflight.checkPair("x", x, "y", y);
        model.ensureBuilt(Shape.ofSamples(x.shape()));
        Preflight.checkInput(model, "x", x);
        LayerStack stack = model.stack();
        INDArray xc = Rows.contiguous(x, stack.dataType());
        Preflight.checkFinite("x", xc);
        INDArray yc = Rows.contiguous(y, stack.dataType());
        Preflight.checkFinite("y", yc);
        return new INDArray[] {xc, Preflight.labels(model, compiled.loss(), "y", yc)};
    }

    static double[] values(Map<String, Double> logs) {
        return logs.values().stream().mapToDouble(Double::doubleValue).toArray();
    }
}
