package io.github.keras4j.models;

import io.github.keras4j.callbacks.Callback;
import io.github.keras4j.callbacks.History;
import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.data.Batch;
import io.github.keras4j.data.Dataset;
import io.github.keras4j.engine.LayerStack;
import io.github.keras4j.layers.Layer;
import io.github.keras4j.layers.Parameter;
import io.github.keras4j.layers.Shape;
import io.github.keras4j.losses.Loss;
import io.github.keras4j.losses.Losses;
import io.github.keras4j.metrics.Metrics;
import io.github.keras4j.optimizers.Optimizer;
import io.github.keras4j.optimizers.Optimizers;
import io.github.keras4j.random.SeedGenerator;
import io.github.keras4j.random.SplitMixRandom;
import io.github.keras4j.saving.Saving;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keras' {@code Sequential}: a linear stack of layers with compile, fit, evaluate and predict.
 *
 * <p>The model is built (its weights created) as soon as the input shape is known: from
 * {@code inputShape(...)} on the first layer, from {@link #build(int...)}, or from {@code x} at the
 * first fit, evaluate or predict. Layers without an explicit name are named per model, deterministically:
 * {@code flatten}, {@code dense}, {@code dense_1}, ...; explicit names must be unique within the model.
 *
 * <p>Threads: predict and evaluate may run on one built model from several threads at once (inference
 * changes no layer state, and the lazy build is synchronised). While fit runs, other threads are refused
 * with an {@link IllegalStateException}; callbacks, which run on the fitting thread, may predict, evaluate
 * and read or set weights.
 */
public class Sequential implements Model {
    /** The model name when none is given, as in Keras; later unnamed models are numbered ({@code sequential_1}, ...). */
    public static final String DEFAULT_NAME = "sequential";
    /** Batch size of evaluate and predict when none is given: {@value}, as in Keras. */
    public static final int DEFAULT_BATCH_SIZE = 32;

    private final String name;
    private final LayerStack stack = new LayerStack();
    private final ModelGuard guard = new ModelGuard();
    private Compiled compiled;
    private volatile boolean stopTraining;
    /** fit's shuffling generator: made at the first fit, kept across fits and saved with the model. */
    private SplitMixRandom shuffle;
    /** Metrics of a loaded file keras4j cannot compute, and the compile they belong to. */
    private Compiled unavailableFor;
    private List<String> unavailable = List.of();

    /** An empty model named {@code sequential}, {@code sequential_1}, ... in order of creation, as in Keras ({@link ModelNames}). */
    public Sequential() {
        this(ModelNames.next(DEFAULT_NAME));
    }

    /** A model of {@code layers}, named as {@link #Sequential()} names it. */
    public Sequential(Layer... layers) {
        this(ModelNames.next(DEFAULT_NAME), layers);
    }

    public Sequential(String name, Layer... layers) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a model name must be non-empty, got '" + name + "'");
        }
        this.name = name;
        for (Layer layer : layers) {
            add(layer);
        }
    }

    public String name() {
        return name;
    }

    /** Appends a layer, naming it if unnamed and building it when the input shape is known. */
    public void add(Layer layer) {
        if (layer == null) {
            throw new IllegalArgumentException("add() needs a layer, got null");
        }
        guard.change("add", () -> {
            if (layer instanceof ModelLayer nested && ModelLayer.holds(nested.model(), this)) {
                throw new IllegalArgumentException("Model '" + name + "' cannot hold model '" + nested.model().name() + "' as a layer: "
                        + (nested.model() == this ? "a model cannot be a layer of itself." : "that model already holds this one."));
            }
            if (layer instanceof ModelLayer nested && stack.isBuilt()) {
                nested.computeOutputShape(stack.outputShape()); // says which model takes which shape, before the stack's own check
            }
            if (layer.index() >= 0) {
                throw new IllegalArgumentException(layer.describe() + " already belongs to a model; create a new layer"
                        + " (a layer instance holds its own weights and can be in one model only).");
            }
            Set<String> taken = new HashSet<>();
            stack.layers().forEach(l -> taken.add(l.name()));
            if (layer.hasExplicitName() && taken.contains(layer.name())) {
                throw new IllegalArgumentException("Model '" + name + "' already has a layer named '" + layer.name()
                        + "'; layer names must be unique within a model. Give it another name with .name(...) or leave it unnamed.");
            }
            if (!layer.hasExplicitName()) {
                String candidate = layer.baseName();
                for (int i = 1; taken.contains(candidate); i++) {
                    candidate = layer.baseName() + "_" + i;
                }
                layer.assignName(candidate);
            }
            synchronized (this) {
                stack.add(layer);
            }
        });
    }

    /**
     * Appends a whole model as one layer, as Keras' {@code Sequential([model, Softmax()])} does: the inner model's
     * weights are shared (training this model trains it, and it still predicts on its own), it is named after the
     * inner model and shows in the summary as one {@code Sequential} layer. {@code inner.asLayer()} is the layer it adds.
     */
    public void add(Sequential inner) {
        if (inner == null) {
            throw new IllegalArgumentException("add() needs a model, got null");
        }
        add(inner.asLayer());
    }

    /** This model as one layer of another model (see {@link #add(Sequential)}); a new layer each call. */
    public Layer asLayer() {
        if (stack.layers().isEmpty()) {
            throw new IllegalStateException("Model '" + name + "' has no layers, so it cannot be used as a layer. Add layers first.");
        }
        return new ModelLayer(this);
    }

    /** Removes and returns the last layer. */
    public Layer pop() {
        Layer[] removed = new Layer[1];
        guard.change("pop", () -> {
            synchronized (this) {
                removed[0] = stack.pop();
            }
        });
        return removed[0];
    }

    /** The layers, in order; read-only. */
    public List<Layer> layers() {
        return stack.layers();
    }

    /** Builds the model for samples of shape {@code inputShape} (without the batch axis), e.g. {@code build(28, 28)}. */
    public void build(int... inputShape) {
        guard.change("build", () -> ensureBuilt(Shape.of(inputShape)));
    }

    public synchronized boolean isBuilt() {
        return stack.isBuilt();
    }

    /** Prints the tf.keras 2 summary table to {@code System.out}. */
    public void summary() {
        System.out.print(summaryString());
    }

    /** The summary table, as {@link #summary()} prints it (each line ends with a newline). */
    public String summaryString() {
        synchronized (this) {
            return Summary.of(this);
        }
    }

    /** Configures training with Keras identifiers: {@code compile("adam", "categorical_crossentropy", "acc")}. */
    public void compile(String optimizer, String loss, String... metrics) {
        compile(Optimizers.get(optimizer), Losses.get(loss), metrics);
    }

    public void compile(Optimizer optimizer, String loss, String... metrics) {
        compile(optimizer, Losses.get(loss), metrics);
    }

    public void compile(String optimizer, Loss loss, String... metrics) {
        compile(Optimizers.get(optimizer), loss, metrics);
    }

    /** Configures training; metrics are reported under the names given. */
    public void compile(Optimizer optimizer, Loss loss, String... metrics) {
        if (optimizer == null || loss == null) {
            throw new IllegalArgumentException("compile needs an optimizer and a loss, got " + (optimizer == null ? "no optimizer" : "no loss"));
        }
        List<String> ids = Arrays.asList(metrics == null ? new String[0] : metrics);
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            Metrics.check(id);
            if (!seen.add(id) || id.equals("loss")) {
                throw new IllegalArgumentException("metric '" + id + "' is listed twice or clashes with 'loss'; metric names must be unique");
            }
        }
        guard.change("compile", () -> compiled = new Compiled(optimizer, loss, List.copyOf(ids)));
    }

    /** Trains for {@code epochs} epochs in batches of {@code batchSize}, with Keras' other defaults. */
    public History fit(INDArray x, INDArray y, int batchSize, int epochs) {
        return fit(x, y, FitOptions.defaults().withBatchSize(batchSize).withEpochs(epochs));
    }

    /** Trains as {@code options} say; returns the per-epoch logs. */
    public History fit(INDArray x, INDArray y, FitOptions options) {
        requireReady("fit");
        if (options == null) {
            throw new IllegalArgumentException("fit needs options; use FitOptions.defaults()");
        }
        guard.beginFit();
        try {
            return new FitLoop(this, compiled).run(x, y, options);
        } finally {
            guard.endFit();
        }
    }

    /**
     * Trains on a {@link Dataset} (Keras' {@code fit(py_dataset)}), a batch at a time: the dataset's batches replace
     * {@code batchSize}, {@code shuffle} and {@code validationSplit} (shuffle in the dataset's {@code onEpochEnd}).
     * Validation data, given as arrays or with {@link FitOptions#withValidationData(Dataset)}, is evaluated at epoch
     * ends. Each batch is checked as it arrives (see {@link Dataset}).
     */
    public History fit(Dataset train, FitOptions options) {
        requireReady("fit");
        if (options == null) {
            throw new IllegalArgumentException("fit needs options; use FitOptions.defaults()");
        }
        if (train == null) {
            throw new IllegalArgumentException("fit needs a training Dataset, got null");
        }
        if (options.validationSplit() > 0) {
            throw new IllegalArgumentException("validationSplit " + options.validationSplit() + " cannot split a Dataset (its samples are"
                    + " not all in memory): give validation data with FitOptions.withValidationData(Dataset) instead.");
        }
        guard.beginFit();
        try {
            return new FitLoop(this, compiled).run(train, options);
        } finally {
            guard.endFit();
        }
    }

    /**
     * Keras' {@code train_on_batch}: one training step on {@code x, y}, the same step fit takes; returns that batch's
     * {@code {loss, metric1, ...}} (before the update, as Keras reports them).
     */
    public double[] trainOnBatch(INDArray x, INDArray y) {
        requireReady("trainOnBatch");
        guard.beginFit("trainOnBatch");
        try {
            return OnBatch.train(this, compiled, x, y);
        } finally {
            guard.endFit();
        }
    }

    /** Keras' {@code test_on_batch}: {@code {loss, metric1, ...}} of one batch, without training. */
    public double[] testOnBatch(INDArray x, INDArray y) {
        requireReady("testOnBatch");
        return guard.use("testOnBatch", () -> OnBatch.test(this, compiled, x, y));
    }

    /** Keras' {@code predict_on_batch}: the outputs for {@code x}, computed as one batch. */
    public INDArray predictOnBatch(INDArray x) {
        requireLayers("predictOnBatch");
        if (x == null) {
            throw new IllegalArgumentException("x is null; pass an INDArray with one sample per row");
        }
        return guard.use("predictOnBatch", () -> Inference.predict(this, x, (int) Math.max(1, x.size(0)), List.of()));
    }

    /** {@code {loss, metric1, ...}} in compile order, in batches of {@value #DEFAULT_BATCH_SIZE}. */
    public double[] evaluate(INDArray x, INDArray y) {
        return evaluate(x, y, DEFAULT_BATCH_SIZE);
    }

    /** As {@link #evaluate(INDArray, INDArray)} with a batch size, calling the callbacks' test hooks; prints nothing. */
    public double[] evaluate(INDArray x, INDArray y, int batchSize, Callback... callbacks) {
        return evaluate(x, y, batchSize, 0, callbacks);
    }

    /**
     * As {@link #evaluate(INDArray, INDArray, int, Callback...)}, printing as Keras' {@code verbose} says: 0 nothing,
     * 1 a progress bar, 2 one line at the end (through a {@link io.github.keras4j.callbacks.ProgbarLogger} on
     * {@code System.out}, unless the callbacks hold one). keras4j's shorter overloads print nothing, where Keras'
     * {@code evaluate} prints a bar by default.
     */
    public double[] evaluate(INDArray x, INDArray y, int batchSize, int verbose, Callback... callbacks) {
        return OnBatch.values(evaluateDict(x, y, batchSize, verbose, callbacks));
    }

    /** Keras' {@code evaluate(..., return_dict=True)}: {@code loss} and each metric by its compiled name, in compile order. */
    public Map<String, Double> evaluateDict(INDArray x, INDArray y, int batchSize, int verbose, Callback... callbacks) {
        requireReady("evaluate");
        return guard.use("evaluate", () -> Inference.evaluate(this, compiled, x, y, batchSize, verbose, List.of(callbacks)));
    }

    /** {@code {loss, metric1, ...}} over every batch of {@code data}, in compile order; prints nothing. */
    public double[] evaluate(Dataset data) {
        return evaluate(data, 0);
    }

    /** As {@link #evaluate(Dataset)}, printing as {@code verbose} says and calling the callbacks' test hooks. */
    public double[] evaluate(Dataset data, int verbose, Callback... callbacks) {
        return OnBatch.values(evaluateDict(data, verbose, callbacks));
    }

    /** As {@link #evaluate(Dataset, int, Callback...)}, keyed by name (Keras' {@code return_dict=True}). */
    public Map<String, Double> evaluateDict(Dataset data, int verbose, Callback... callbacks) {
        requireReady("evaluate");
        return guard.use("evaluate", () -> Inference.evaluate(this, compiled, data, verbose, List.of(callbacks)));
    }

    /** The outputs for every batch of {@code data} ({@code y} is not needed), in order, in one array; without dropout. */
    public INDArray predict(Dataset data, Callback... callbacks) {
        requireLayers("predict");
        return guard.use("predict", () -> Inference.predict(this, data, List.of(callbacks)));
    }

    /** The model's outputs for {@code x}, in batches of {@value #DEFAULT_BATCH_SIZE}, without dropout. */
    public INDArray predict(INDArray x) {
        return predict(x, DEFAULT_BATCH_SIZE);
    }

    /** As {@link #predict(INDArray)} with a batch size, calling the callbacks' predict hooks. */
    public INDArray predict(INDArray x, int batchSize, Callback... callbacks) {
        requireLayers("predict");
        return guard.use("predict", () -> Inference.predict(this, x, batchSize, List.of(callbacks)));
    }

    /** Copies of the weights in Keras' order (kernel, bias, layer by layer); empty before the model is built. */
    public List<INDArray> getWeights() {
        return guard.use("getWeights", () -> {
            List<INDArray> weights = new ArrayList<>();
            for (Parameter p : stack.weights()) {
                INDArray copy = NativeMemory.create(p.value().dataType(), p.value().shape());
                NativeMemory.copy(p.value(), 0, copy, 0, p.size());
                weights.add(copy);
            }
            return weights;
        });
    }

    /**
     * Sets every weight from {@code weights}, in {@link #getWeights()} order; nothing changes if one does not fit
     * or holds NaN or an infinity (see {@link #setWeights(List, NonFiniteWeights)}).
     */
    public void setWeights(List<INDArray> weights) {
        setWeights(weights, NonFiniteWeights.REFUSE);
    }

    /** As {@link #setWeights(List)}; {@link NonFiniteWeights#ALLOW} takes NaN and infinite values as they are. */
    public void setWeights(List<INDArray> weights, NonFiniteWeights nonFinite) {
        guard.changeWeights(() -> WeightCheck.assign(this, stack.weights(), weights, nonFinite));
    }

    /**
     * Writes the model as a Keras 3 {@code .keras} file, atomically (a failed save leaves any previous file
     * intact): architecture, weights, and the compile settings with the optimizer's state and the random
     * generators' states, so training resumed from it continues bit for bit. A name ending in {@code .h5} writes
     * the legacy Keras HDF5 model instead, as Keras 3 does; other names are refused. Load it with
     * {@link Models#load(Path)} or Keras' {@code load_model}.
     */
    public void save(Path path) {
        ModelLayer.refuseNested(this, "save");
        guard.use("save", () -> {
            Saving.saveModel(ModelFiles.describe(this), path);
            return null;
        });
    }

    /** Writes the weights alone in Keras' {@code .weights.h5} layout (the file name must end in {@code .weights.h5}). */
    public void saveWeights(Path path) {
        ModelLayer.refuseNested(this, "saveWeights");
        guard.use("saveWeights", () -> {
            Saving.saveWeights(ModelFiles.describe(this), path);
            return null;
        });
    }

    /**
     * Loads weights saved by {@link #saveWeights(Path)} (or Keras) into this built model; nothing changes if one
     * does not fit or holds NaN or an infinity (see {@link NonFiniteWeights}).
     */
    public void loadWeights(Path path) {
        loadWeights(path, NonFiniteWeights.REFUSE);
    }

    /** As {@link #loadWeights(Path)}; {@link NonFiniteWeights#ALLOW} takes NaN and infinite values as they are. */
    public void loadWeights(Path path, NonFiniteWeights nonFinite) {
        guard.changeWeights(() -> Saving.loadWeights(path, ModelFiles.describe(this), nonFinite == NonFiniteWeights.ALLOW));
    }

    /** The architecture (and compile settings) as Keras' JSON; see {@link Models#fromJson(String)}. */
    public String toJson() {
        ModelLayer.refuseNested(this, "toJson");
        return Saving.toJson(ModelFiles.describe(this));
    }

    @Override
    public float[] getFlatWeights() {
        return guard.use("getFlatWeights", () -> FlatWeights.read(stack.weights()));
    }

    /** Sets every weight from {@code weights} in {@link #getFlatWeights()} layout; nothing changes if the size differs or a value is not finite. */
    @Override
    public void setFlatWeights(float[] weights) {
        setWeights(FlatWeights.split(name, stack.weights(), weights));
    }

    /**
     * The first half of a training step on {@code batch}: forward, loss and backward, as fit computes them; returns the
     * loss and the gradients of the trainable weights, and changes no weight. Combine gradients (e.g. of several
     * workers) and hand them to {@link #applyGradients}.
     */
    @Override
    public GradientStep computeGradients(Batch batch) {
        requireReady("computeGradients");
        if (batch == null) {
            throw new IllegalArgumentException("computeGradients needs a Batch, got null");
        }
        guard.beginFit("computeGradients");
        try {
            return OnBatch.computeGradients(this, compiled, batch.x(), batch.y());
        } finally {
            guard.endFit();
        }
    }

    /** The second half: the compiled optimizer's update of the trainable weights from {@code gradients}. */
    @Override
    public void applyGradients(Gradients gradients) {
        requireReady("applyGradients");
        guard.beginFit("applyGradients");
        try {
            OnBatch.applyGradients(this, compiled, gradients);
        } finally {
            guard.endFit();
        }
    }

    /** The number of scalars in the weights. */
    public synchronized long countParams() {
        if (!stack.isBuilt()) {
            throw new IllegalStateException("Model '" + name + "' is not built yet, so it has no weights to count. " + Summary.HOW_TO_BUILD);
        }
        long n = 0;
        for (Layer layer : stack.layers()) {
            n += layer.countParams();
        }
        return n;
    }

    /**
     * Asks fit to stop (Keras' {@code model.stop_training = True}), for callbacks. fit checks after every
     * batch and at the end of every epoch: the current epoch ends early but still reports (validation
     * included) to History and the callbacks, then fit returns, as in Keras 3 and tf.keras 2.2 and later.
     */
    public void stopTraining(boolean stop) {
        stopTraining = stop;
    }

    public boolean stopTraining() {
        return stopTraining;
    }

    /** The compiled optimizer, or null before compile. */
    public Optimizer optimizer() {
        return compiled == null ? null : compiled.optimizer();
    }

    /** The compiled loss, or null before compile. */
    public Loss loss() {
        return compiled == null ? null : compiled.loss();
    }

    /** The metric names given to compile, in order. */
    public List<String> metricNames() {
        return compiled == null ? List.of() : compiled.metrics();
    }

    /**
     * Metrics the model was compiled with in the Keras file it was loaded from that keras4j cannot compute
     * ({@code precision}, {@code top_k_categorical_accuracy}, ...): not reported by fit and evaluate, but kept under
     * their names and saved back with the model. Empty for a model compiled in keras4j, and after compiling again.
     */
    public List<String> unavailableMetrics() {
        return compiled != null && compiled == unavailableFor ? unavailable : List.of();
    }

    /** Keeps {@code metrics} as {@link #unavailableMetrics()} of the current compile (a new compile drops them). */
    void keepUnavailableMetrics(List<String> metrics) {
        unavailableFor = compiled;
        unavailable = List.copyOf(metrics);
    }

    @Override
    public String toString() {
        return "Sequential '" + name + "' " + stack.layers();
    }

    LayerStack stack() {
        return stack;
    }

    /** The shuffling generator, made from the global seed sequence at the first call. */
    synchronized SplitMixRandom shuffleRandom() {
        if (shuffle == null) {
            shuffle = SeedGenerator.newSplitMix();
        }
        return shuffle;
    }

    /** The shuffling generator's state, or null before the first fit. */
    synchronized Long shuffleState() {
        return shuffle == null ? null : shuffle.state();
    }

    /** Continues the shuffling of a saved model; null leaves the generator to be made at the first fit. */
    synchronized void restoreShuffleState(Long state) {
        shuffle = state == null ? null : new SplitMixRandom(state);
    }

    /** Builds the layers for {@code inputShape} if they are not built yet (once, even with several threads). */
    synchronized void ensureBuilt(Shape inputShape) {
        ensureBuilt(inputShape, DataType.FLOAT);
    }

    /** As {@link #ensureBuilt(Shape)} in {@code type}: a model held as a layer builds in its holder's type. */
    synchronized void ensureBuilt(Shape inputShape, DataType type) {
        if (stack.layers().isEmpty()) {
            throw new IllegalStateException("Model '" + name + "' has no layers. Add layers with add(...) first.");
        }
        if (!stack.isBuilt()) {
            stack.build(inputShape, type);
        }
    }

    private void requireLayers(String method) {
        if (stack.layers().isEmpty()) {
            throw new IllegalStateException(method + "() on model '" + name + "', which has no layers. Add layers with add(...) first.");
        }
    }

    private void requireReady(String method) {
        requireLayers(method);
        if (compiled == null) {
            throw new IllegalStateException(method + "() needs a compiled model: call compile(optimizer, loss, metrics...) first, "
                    + "e.g. model.compile(\"adam\", \"categorical_crossentropy\", \"acc\").");
        }
    }
}
