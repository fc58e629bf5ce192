package io.github.keras4j.models;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.callbacks.Callback;
import io.github.keras4j.callbacks.CallbackList;
import io.github.keras4j.callbacks.History;
import io.github.keras4j.callbacks.ProgbarLogger;
import io.github.keras4j.callbacks.TrainingParams;
import io.github.keras4j.data.Batch;
import io.github.keras4j.data.Dataset;
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
 * fit's loop: the epochs, their batches, validation at each epoch end, and the callbacks around them. It trains on
 * a {@link Dataset}: in-memory arrays become one ({@link ArrayBatches}, batches gathered into reused buffers exactly as
 * before), a user's dataset is checked batch by batch ({@link CheckedDataset}).
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
    private static final String NO_BATCH_0 = "The training Dataset returned no batch 0: it holds no data to train on.";
    private final Sequential model;
    private final Compiled compiled;
    private int firstEpoch;
    /** The latest weights known to be finite (taken at epoch starts, into arrays made once) and the epoch they start. */
    private List<INDArray> finiteWeights;
    private int finiteEpoch = -1;
    /** The running loss and metrics of the current epoch; made from the first batch's labels when not given. */
    private EpochMetrics metrics;
    private float[] scan = new float[0];
    /** The (empty) logs of onTrainBatchBegin, reused: a new map per batch is garbage on every step. */
    private final Map<String, Double> batchBeginLogs = new LinkedHashMap<>();
    /** The logs of onTrainBatchEnd, refilled per batch; callbacks read them during the call, as in Keras. */
    private final Map<String, Double> batchEndLogs = new LinkedHashMap<>();

    FitLoop(Sequential model, Compiled compiled) {
        this.model = model;
        this.compiled = compiled;
    }

    /** fit(x, y): the arrays checked whole by {@link FitData}, then trained on as a {@link Dataset} of their batches. */
    History run(INDArray x, INDArray y, FitOptions options) {
        FitData data = FitData.prepare(model, compiled, x, y, options);
        LayerStack stack = model.stack();
        EpochMetrics train = new EpochMetrics(compiled.metrics(), data.y().shape(), stack.outputShape());
        Inference.Tester validation = data.hasValidation() ? new Inference.Tester(stack, compiled.loss(), compiled.metrics(),
                new ArrayBatches(Batches.inOrderReused(data.xVal(), data.yVal(), options.batchSize())), data.yVal().shape())
                : validationDataset(options);
        // Shuffling draws from the model's generator, seeded at its first fit from the global sequence
        // (Utils.setRandomSeed) and saved with it, so later fits, and fits of the model loaded from a file, continue it.
        Batches batches = new Batches(data.x(), data.y(), options.batchSize(), options.shuffle(), model.shuffleRandom());
        try {
            return loop(new ArrayBatches(batches), train, validation, options);
        } finally {
            if (options.validationDataset() != null) {
                options.validationDataset().release();
            }
        }
    }

    /**
     * fit(dataset): each batch checked as it arrives ({@link CheckedDataset}). When the model is not built yet, batch 0 is
     * read once before training to build it, so that callbacks see a built model, as in Keras.
     */
    History run(Dataset dataset, FitOptions options) {
        CheckedDataset train = new CheckedDataset(model, compiled.loss(), dataset, "training");
        try {
            if (!model.isBuilt() && train.batch(0) == null) {
                throw new IllegalArgumentException(NO_BATCH_0);
            }
            Inference.Tester validation = validationDataset(options);
            return loop(train, null, validation, options);
        } finally {
            dataset.release();
            if (options.validationDataset() != null) {
                options.validationDataset().release();
            }
        }
    }

    private Inference.Tester validationDataset(FitOptions options) {
        Dataset val = options.validationDataset();
        return val == null ? null : new Inference.Tester(model.stack(), compiled.loss(), compiled.metrics(),
                new CheckedDataset(model, compiled.loss(), val, "validation"), null);
    }

    /** The number of batches an epoch trains on, from the dataset's length and {@code stepsPerEpoch}. */
    private static int steps(Dataset train, FitOptions options) {
        int n = train.numBatches();
        int steps = options.stepsPerEpoch();
        if (n == 0 || n < Dataset.UNKNOWN) {
            throw new IllegalArgumentException("The training Dataset has numBatches() " + n + "; it must be at least 1, or Dataset.UNKNOWN ("
                    + Dataset.UNKNOWN + ") for a stream of unknown length.");
        }
        if (n == Dataset.UNKNOWN && steps == FitOptions.ALL_STEPS) {
            throw new IllegalArgumentException("The training Dataset's length is unknown (numBatches() is -1), so fit cannot tell where an"
                    + " epoch ends: give the number of batches per epoch with FitOptions.withStepsPerEpoch(n).");
        }
        if (n != Dataset.UNKNOWN && steps > n) {
            throw new IllegalArgumentException("stepsPerEpoch " + steps + " is more than the " + n + " batches the training data holds;"
                    + " give at most " + n + ", or leave it out to train on every batch.");
        }
        return steps == FitOptions.ALL_STEPS ? n : steps;
    }

    /** The epochs; {@code train} metrics may be null, to be made from the first batch's labels. */
    private History loop(Dataset data, EpochMetrics train, Inference.Tester validation, FitOptions options) {
        if (options.initialEpoch() > 0 && options.initialEpoch() >= options.epochs()) {
            LOG.warn("fit(): initialEpoch {} is not below epochs {}, so no epoch is trained and the History is empty (as in"
                    + " Keras). epochs is the index of the last epoch, not a count: to train {} more epochs after epoch {} use"
                    + " withInitialEpoch({}).withEpochs({}).", options.initialEpoch(), options.epochs(), Math.max(1, options.epochs()),
                    options.initialEpoch(), options.initialEpoch(), options.initialEpoch() + Math.max(1, options.epochs()));
        }
        int steps = steps(data, options);
        metrics = train;
        firstEpoch = options.initialEpoch();
        History history = new History();
        CallbackList callbacks = new CallbackList(callbackList(options, history), model,
                new TrainingParams(options.epochs(), steps, options.verbose()));
        model.stopTraining(false);
        Map<String, Double> logs = new LinkedHashMap<>();
        callbacks.onTrainBegin(logs);
        for (int epoch = options.initialEpoch(); epoch < options.epochs() && !model.stopTraining(); epoch++) {
            callbacks.onEpochBegin(epoch, new LinkedHashMap<>());
            Map<String, Double> epochLogs = new LinkedHashMap<>(trainEpoch(epoch, options.epochs(), data, steps, callbacks));
            if (validation != null && (epoch + 1) % options.validationFreq() == 0) { // Keras' validation_freq
                Map<String, Double> val = validation.run(callbacks);
                val.forEach((k, v) -> epochLogs.put("val_" + k, v));
            }
            callbacks.onEpochEnd(epoch, epochLogs);
            logs = epochLogs;
        }
        callbacks.onTrainEnd(logs);
        return history;
    }

    private Map<String, Double> trainEpoch(int epoch, int epochs, Dataset data, int steps, CallbackList callbacks) {
        LayerStack stack = model.stack();
        if (allFinite(stack.weights())) {
            snapshot(stack.weights());
            finiteEpoch = epoch;
        }
        data.onEpochBegin();
        if (metrics != null) {
            metrics.reset();
        }
        for (int b = 0; b < steps; b++) {
            batchBeginLogs.clear();
            callbacks.onTrainBatchBegin(b, batchBeginLogs);
            Batch batch = data.batch(b);
            if (batch == null && b == 0 && epoch == firstEpoch) {
                throw new IllegalArgumentException(NO_BATCH_0);
            }
            if (batch == null) {
                LOG.warn("fit(): the training Dataset ended at batch {} of epoch {}, before the {} batches of stepsPerEpoch; training"
                        + " stops here, as in Keras when the input runs out of data.", b, epoch + 1, steps);
                model.stopTraining(true);
                break;
            }
            INDArray yb = batch.y();
            if (metrics == null) {
                metrics = new EpochMetrics(compiled.metrics(), yb.shape(), stack.outputShape());
                metrics.reset();
            }
            StepResult step = stack.trainStep(batch.x(), yb, compiled.loss(), compiled.optimizer());
            if (metrics.hasMetrics()) {
                metrics.stage(yb, step.predictions());
            }
            metrics.record(step.loss(), batch.size());
            Map<String, Double> logs = metrics.logsInto(batchEndLogs);
            boolean restored = !step.updated() && restoreIfNotFinite(stack.weights());
            callbacks.onTrainBatchEnd(b, logs);
            if (!step.updated() && !model.stopTraining()) {
                throw diverged(step.loss(), epoch, epochs, b, steps, restored ? finiteEpoch : -1);
            }
            if (model.stopTraining()) {
                break;
            }
        }
        data.onEpochEnd();
        return metrics == null ? Map.of("loss", 0.0) : metrics.logs(); // fresh: entries callbacks added to batch logs stay out
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
