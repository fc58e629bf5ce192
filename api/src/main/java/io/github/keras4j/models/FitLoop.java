package io.github.keras4j.models;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.callbacks.Callback;
import io.github.keras4j.callbacks.CallbackList;
import io.github.keras4j.callbacks.History;
import io.github.keras4j.callbacks.ProgbarLogger;
import io.github.keras4j.callbacks.TrainingParams;
import io.github.keras4j.engine.LayerStack;
import io.github.keras4j.engine.LayerStack.StepResult;
import io.github.keras4j.layers.Parameter;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * fit's loop: the epochs, their batches, validation at each epoch end, and the callbacks around them.
 *
 * <p>Order of events, as in Keras: onTrainBegin; per epoch onEpochBegin, per batch onTrainBatchBegin,
 * one training step and onTrainBatchEnd (with the epoch's running loss and metrics), then validation
 * (the test hooks) and onEpochEnd with {@code loss}, metrics, {@code val_loss}, {@code val_<metric>};
 * finally onTrainEnd. The callback list is the progress bar (when verbose and none was given), the
 * user's callbacks, then the {@link History} that fit returns.
 *
 * <p>Stopping: {@code model.stopTraining(true)} is checked after every batch and after every epoch.
 * A step whose loss is NaN or infinite is not applied (the engine skips its update); if no callback
 * (such as TerminateOnNaN) stops training at that batch, fit throws an {@link ArithmeticException}
 * naming the epoch and batch.
 */
final class FitLoop {
    private static final Logger LOG = LoggerFactory.getLogger(FitLoop.class);
    private final Sequential model;
    private final Compiled compiled;
    /** The latest weights known to be finite (taken at epoch starts, into arrays made once) and the epoch they start. */
    private List<INDArray> finiteWeights;
    private int finiteEpoch = -1;
    private float[] scan = new float[0];
    /** The (empty) logs of onTrainBatchBegin, reused: a new map per batch is garbage on every step. */
    private final Map<String, Double> batchBeginLogs = new LinkedHashMap<>();
    /** The logs of onTrainBatchEnd, refilled per batch; callbacks read them during the call, as in Keras. */
    private final Map<String, Double> batchEndLogs = new LinkedHashMap<>();

    FitLoop(Sequential model, Compiled compiled) {
        this.model = model;
        this.compiled = compiled;
    }

    History run(INDArray x, INDArray y, FitOptions options) {
        FitData data = FitData.prepare(model, compiled, x, y, options);
        if (options.initialEpoch() > 0 && options.initialEpoch() >= options.epochs()) {
            LOG.warn("fit(): initialEpoch {} is not below epochs {}, so no epoch is trained and the History is empty (as in"
                    + " Keras). epochs is the index of the last epoch, not a count: to train {} more epochs after epoch {} use"
                    + " withInitialEpoch({}).withEpochs({}).", options.initialEpoch(), options.epochs(), Math.max(1, options.epochs()),
                    options.initialEpoch(), options.initialEpoch(), options.initialEpoch() + Math.max(1, options.epochs()));
        }
        LayerStack stack = model.stack();
        EpochMetrics train = new EpochMetrics(compiled.metrics(), data.y().shape(), stack.outputShape());
        Inference.Tester validation = data.hasValidation() ? new Inference.Tester(stack, compiled.loss(),
                new EpochMetrics(compiled.metrics(), data.yVal().shape(), stack.outputShape()),
                Batches.inOrderReused(data.xVal(), data.yVal(), options.batchSize())) : null;
        // Shuffling draws from the model's generator, seeded at its first fit from the global sequence
        // (Utils.setRandomSeed) and saved with it, so later fits, and fits of the model loaded from a file, continue it.
        Batches batches = new Batches(data.x(), data.y(), options.batchSize(), options.shuffle(), model.shuffleRandom());
        History history = new History();
        CallbackList callbacks = new CallbackList(callbackList(options, history), model,
                new TrainingParams(options.epochs(), batches.count(), options.verbose()));
        model.stopTraining(false);
        Map<String, Double> logs = new LinkedHashMap<>();
        callbacks.onTrainBegin(logs);
        for (int epoch = options.initialEpoch(); epoch < options.epochs() && !model.stopTraining(); epoch++) {
            callbacks.onEpochBegin(epoch, new LinkedHashMap<>());
            Map<String, Double> epochLogs = new LinkedHashMap<>(trainEpoch(epoch, options.epochs(), batches, train, callbacks));
            if (validation != null) {
                Map<String, Double> val = validation.run(callbacks);
                val.forEach((k, v) -> epochLogs.put("val_" + k, v));
            }
            callbacks.onEpochEnd(epoch, epochLogs);
            logs = epochLogs;
        }
        callbacks.onTrainEnd(logs);
        return history;
    }

    private Map<String, Double> trainEpoch(int epoch, int epochs, Batches batches, EpochMetrics train, CallbackList callbacks) {
        LayerStack stack = model.stack();
        if (allFinite(stack.weights())) {
            snapshot(stack.weights());
            finiteEpoch = epoch;
        }
        batches.startEpoch();
        train.reset();
        for (int b = 0; b < batches.count(); b++) {
            batchBeginLogs.clear();
            callbacks.onTrainBatchBegin(b, batchBeginLogs);
            INDArray yb = batches.y(b);
            StepResult step = stack.trainStep(batches.x(b), yb, compiled.loss(), compiled.optimizer());
            if (train.hasMetrics()) {
                train.stage(yb, step.predictions());
            }
            train.record(step.loss(), batches.size(b));
            Map<String, Double> logs = train.logsInto(batchEndLogs);
            boolean restored = !step.updated() && restoreIfNotFinite(stack.weights());
            callbacks.onTrainBatchEnd(b, logs);
            if (!step.updated() && !model.stopTraining()) {
                throw diverged(step.loss(), epoch, epochs, b, batches.count(), restored ? finiteEpoch : -1);
            }
            if (model.stopTraining()) {
                break;
            }
        }
        return train.logs(); // fresh: entries callbacks added to batch logs stay out of the epoch's
    }

    private static List<Callback> callbackList(FitOptions options, History history) {
        List<Callback> list = new ArrayList<>();
        if (options.verbose() > 0 && options.callbacks().stream().noneMatch(c -> c instanceof ProgbarLogger)) {
            list.add(new ProgbarLogger());
        }
        list.addAll(options.callbacks());
        list.add(history);
        return list;
    }

    /** Copies the weights into the snapshot arrays (made on the first call), to undo an update that overflowed them. */
    private void snapshot(List<Parameter> params) {
        if (finiteWeights == null) {
            finiteWeights = new ArrayList<>(params.size());
            for (Parameter p : params) {
                finiteWeights.add(NativeMemory.create(p.value().dataType(), p.value().shape()));
            }
        }
        for (int i = 0; i < params.size(); i++) {
            INDArray w = params.get(i).value();
            NativeMemory.copy(w, 0, finiteWeights.get(i), 0, w.length());
        }
    }

    private boolean allFinite(List<Parameter> params) {
        for (Parameter p : params) {
            int n = (int) p.size();
            if (scan.length < n) {
                scan = new float[n];
            }
            NativeMemory.readFloats(p.value(), scan);
            for (int i = 0; i < n; i++) {
                if (!Float.isFinite(scan[i])) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The engine skips the update of a step with a non-finite loss, but an earlier update may already have
     * overflowed a weight to infinity (which is what made this loss infinite). Then put back the latest
     * finite weights, so the model is never left holding NaN or infinite weights.
     */
    private boolean restoreIfNotFinite(List<Parameter> params) {
        if (allFinite(params) || finiteEpoch < 0) {
            return false;
        }
        for (int i = 0; i < params.size(); i++) {
            params.get(i).value().assign(finiteWeights.get(i));
        }
        return true;
    }

    /** @param restoredFrom the epoch whose starting weights were put back, or -1 if none were */
    private static ArithmeticException diverged(double loss, int epoch, int epochs, int batch, int batches, int restoredFrom) {
        return new ArithmeticException("Training diverged: the loss became " + (Double.isNaN(loss) ? "NaN" : "infinite")
                + " at epoch " + (epoch + 1) + "/" + epochs + ", batch " + (batch + 1) + "/" + batches + ". "
                + (restoredFrom >= 0 ? "An earlier update had already overflowed some weights, so the weights were restored to their"
                + " values at the start of epoch " + (restoredFrom + 1) + ". " : "That batch's update was not applied, so the weights are still finite. ")
                + "Lower the learning rate (e.g. new Adam(1e-4) or new SGD(0.001)), check that the inputs are scaled (e.g. pixels "
                + "divided by 255), or add new TerminateOnNaN() to the callbacks to stop training without an exception.");
    }
}
