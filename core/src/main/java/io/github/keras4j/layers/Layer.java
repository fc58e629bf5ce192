package io.github.keras4j.layers;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A layer: configuration plus state, with a small lifecycle.
 *
 * <ol>
 *   <li>Construct with its configuration ({@code new Dense(64, "relu")}); optionally declare the input
 *   shape of a first layer with {@link #inputShape(int...)} (Keras' {@code input_shape}).</li>
 *   <li>{@link #build(Shape)} once the input shape is known: the layer lists the weights it needs for that
 *   shape ({@link #weightSpecs(Shape)}), which are then created, so users never write input sizes.</li>
 *   <li>{@link #forward(INDArray, boolean)} computes the output; with {@code training = true} the layer
 *   remembers what {@link #backward(INDArray)} needs. Inference ({@code training = false}) changes no
 *   state, so one built layer can serve several threads at once.</li>
 *   <li>{@link #backward(INDArray)} takes dLoss/dOutput, fills each parameter's gradient and returns
 *   dLoss/dInput. The output of a training forward and the arrays backward returns are reused by the
 *   next training step.</li>
 * </ol>
 *
 * <p>Weights are trainable (kernels, biases: they have gradients, which optimizers apply) or not (moving
 * statistics, which the layer updates itself while training). {@link #trainable(boolean)} freezes a whole
 * layer, as Keras' {@code layer.trainable = False} does: its weights are then left out of training.
 */
public abstract class Layer {
    private String explicitName;
    private String assignedName;
    private Shape declaredInputShape;
    private Shape builtInputShape;
    private DataType dataType;
    private int index = -1;
    private boolean trainable = true;
    private final List<Parameter> weights = new ArrayList<>();
    private final List<Parameter> weightsView = Collections.unmodifiableList(weights);

    /** Keras' {@code input_shape}: the shape of one sample, without the batch axis. */
    public Layer inputShape(int... dims) {
        if (builtInputShape != null) {
            throw new IllegalStateException(describe() + " is already built for input " + builtInputShape
                    + "; set inputShape before adding it to a model");
        }
        this.declaredInputShape = Shape.of(dims);
        return this;
    }

    /** Sets the layer's name; names are unique within a model. */
    public Layer name(String name) {
        if (name == null || name.isBlank() || name.contains("/")) {
            throw new IllegalArgumentException("a layer name must be non-empty and contain no '/', got '" + name + "'");
        }
        if (builtInputShape != null) {
            throw new IllegalStateException("layer '" + name() + "' is already built; name it before adding it to a model");
        }
        this.explicitName = name;
        return this;
    }

    /** The name: as set with {@link #name(String)}, else the one its model gave it, else {@link #baseName()}. */
    public String name() {
        if (explicitName != null) {
            return explicitName;
        }
        return assignedName != null ? assignedName : baseName();
    }

    /** True when the user named the layer, so models must not rename it. */
    public boolean hasExplicitName() {
        return explicitName != null;
    }

    /** Used by models to give unnamed layers unique names ({@code dense}, {@code dense_1}, ...). */
    public void assignName(String name) {
        this.assignedName = name;
    }

    /**
     * Keras' automatic name stem: the class name in snake case by Keras' {@code to_snake_case} ({@code Dense} ->
     * {@code dense}, {@code BatchNormalization} -> {@code batch_normalization}, {@code Conv2D} -> {@code conv2d},
     * {@code MaxPooling2D} -> {@code max_pooling2d}).
     */
    public String baseName() {
        String name = typeName().replaceAll("\\W+", "");
        name = name.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
        return name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** Keras' class name ({@code Dense}), as printed in summaries and saved in model files. */
    public String typeName() {
        return getClass().getSimpleName();
    }

    /** The declared input shape, or null when none was declared. */
    public Shape declaredInputShape() {
        return declaredInputShape;
    }

    /** The input shape the layer was built for, or null before {@link #build}. */
    public Shape builtInputShape() {
        return builtInputShape;
    }

    public boolean isBuilt() {
        return builtInputShape != null;
    }

    /** The position of the layer in its model, used in error messages; -1 when standalone. */
    public int index() {
        return index;
    }

    /** Set by the layer stack that holds this layer. */
    public void setIndex(int index) {
        this.index = index;
    }

    /** Builds for float32. */
    public final void build(Shape inputShape) {
        build(inputShape, DataType.FLOAT);
    }

    /** Creates the weights for {@code inputShape} in {@code dataType} (float32, or float64 for gradient checks). */
    public final void build(Shape inputShape, DataType dataType) {
        if (builtInputShape != null) {
            if (builtInputShape.equals(inputShape) && this.dataType == dataType) {
                return;
            }
            if (builtInputShape.equals(inputShape)) {
                throw new IllegalArgumentException(describe() + " was built with " + this.dataType + " weights but is now asked"
                        + " to build with " + dataType + ". A layer can be built only once; create a new layer for the new data type.");
            }
            throw new IllegalArgumentException(describe() + " was built for input " + builtInputShape.toBatchString()
                    + " but is now asked to accept " + inputShape.toBatchString()
                    + ". A layer can be built only once; create a new layer for the new shape.");
        }
        if (dataType != DataType.FLOAT && dataType != DataType.DOUBLE) {
            throw new IllegalArgumentException("layers compute in FLOAT or DOUBLE, got " + dataType);
        }
        computeOutputShape(inputShape); // validates the input shape before any weight exists
        List<WeightSpec> specs = weightSpecs(inputShape);
        WeightAllocation.check(this, specs, dataType);
        this.dataType = dataType;
        List<Parameter> created = new ArrayList<>(specs.size());
        for (WeightSpec spec : specs) {
            created.add(new Parameter(this, spec, spec.initializer().initialize(spec.shape(), dataType)));
        }
        // Keras' order: the trainable kind first, then the rest, each in creation order (how files store them)
        created.stream().filter(Parameter::hasGradient).forEach(weights::add);
        created.stream().filter(w -> !w.hasGradient()).forEach(weights::add);
        onBuild(inputShape);
        this.builtInputShape = inputShape;
    }

    /**
     * The weights the layer creates when built for {@code inputShape}, in creation order (Keras' {@code add_weight}
     * calls), without allocating anything. Building creates exactly these; loading checks a file's weights against
     * them first. Layers without weights keep the default, none.
     */
    public List<WeightSpec> weightSpecs(Shape inputShape) {
        return List.of();
    }

    /** Called once the weights exist (see {@link #weight(String)}) and before the layer computes anything. */
    protected void onBuild(Shape inputShape) {
    }

    /** The weight named {@code localName} ({@code kernel}, {@code bias}); throws if the layer has none of that name. */
    protected final Parameter weight(String localName) {
        for (Parameter w : weights) {
            if (w.localName().equals(localName)) {
                return w;
            }
        }
        throw new IllegalStateException(describe() + " has no weight named '" + localName + "'");
    }

    /**
     * Keras' {@code layer.trainable}: false freezes the layer, leaving its weights out of training (no optimizer
     * update, no regularization penalty), as in Keras; BatchNormalization then also uses its moving statistics
     * while training. Takes effect at the next training step.
     */
    public Layer trainable(boolean trainable) {
        this.trainable = trainable;
        return this;
    }

    public boolean isTrainable() {
        return trainable;
    }

    /**
     * The multiply-adds per sample of the largest matrix product this layer computes for {@code inputShape}, 0 for
     * layers without products; the engine chooses its BLAS thread count from the largest in a pass.
     */
    public long multiplyAddsPerSample(Shape inputShape) {
        return 0;
    }

    /** The data type of the weights and computations, known once built. */
    public DataType dataType() {
        return dataType;
    }

    /**
     * The output sample shape for an input sample shape, without data. Throws
     * {@link IllegalArgumentException} naming the layer when the input cannot be accepted.
     */
    public abstract Shape computeOutputShape(Shape inputShape);

    /** The output for {@code x} of shape (batch, built input shape...), after checking that shape. */
    public final INDArray forward(INDArray x, boolean training) {
        if (builtInputShape == null) {
            build(Shape.ofSamples(x.shape()), x.dataType() == DataType.DOUBLE ? DataType.DOUBLE : DataType.FLOAT);
        }
        checkInput(x);
        return call(x, training);
    }

    /** The layer's computation; the input has been checked. */
    protected abstract INDArray call(INDArray x, boolean training);

    /** dLoss/dInput for dLoss/dOutput of the last training forward; fills the parameters' gradients. */
    public final INDArray backward(INDArray gradOutput) {
        return backward(gradOutput, true);
    }

    /**
     * As {@link #backward(INDArray)}; when {@code needInputGradient} is false (the first layer of a model)
     * the layer may skip computing dLoss/dInput and return null.
     */
    public abstract INDArray backward(INDArray gradOutput, boolean needInputGradient);

    /** Keras' {@code layer.weights}: every weight, trainable kind first (kernel, bias), then the rest; empty before build. */
    public List<Parameter> weights() {
        return weightsView;
    }

    /** Keras' {@code layer.trainable_weights}: the weights training changes through gradients; none while frozen. */
    public List<Parameter> trainableWeights() {
        if (!trainable) {
            return List.of();
        }
        List<Parameter> out = new ArrayList<>(weights.size());
        for (Parameter w : weights) {
            if (w.hasGradient()) {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * Appends the weights training changes now to {@code out}, without allocating: the trainable kind, unless the layer
     * is frozen. A layer that holds other layers (a model used as a layer) appends theirs, each frozen or not.
     */
    public void addTrainableWeightsTo(List<Parameter> out) {
        if (!trainable) {
            return;
        }
        for (int k = 0; k < weights().size(); k++) { // indexed: no iterator garbage per step
            Parameter w = weights().get(k);
            if (w.hasGradient()) {
                out.add(w);
            }
        }
    }

    /** Keras' {@code layer.non_trainable_weights}: the weights training does not change through gradients; all while frozen. */
    public List<Parameter> nonTrainableWeights() {
        if (!trainable) {
            return weights();
        }
        List<Parameter> out = new ArrayList<>();
        for (Parameter w : weights) {
            if (!w.hasGradient()) {
                out.add(w);
            }
        }
        return out;
    }

    /** Number of scalars in all the weights, trainable or not (Keras' {@code count_params}). */
    public long countParams() {
        long n = 0;
        for (Parameter p : weights) {
            n += p.size();
        }
        return n;
    }

    /** {@code Layer 'dense_1' (Dense, index 1)}: how errors name a layer. */
    public String describe() {
        return "Layer '" + name() + "' (" + typeName() + (index >= 0 ? ", index " + index : "") + ")";
    }

    /** Checks the type and shape of an input against the built shape, with a message that says how to fix it. */
    protected void checkInput(INDArray x) {
        if (!builtInputShape.matchesSamplesOf(x.shape())) {
            throw new IllegalArgumentException(describe() + " expected input " + builtInputShape.toBatchString()
                    .replace("None", "batch") + " but received " + Shape.describe(x.shape()) + "." + shapeHint(x.shape()));
        }
        if (x.dataType() != dataType) {
            throw new IllegalArgumentException(describe() + " computes in " + dataType + " but received an array of "
                    + x.dataType() + ". Convert it first, e.g. x.castTo(DataType." + dataType + ").");
        }
    }

    private String shapeHint(long[] received) {
        long size = 1;
        for (int i = 1; i < received.length; i++) {
            size *= received[i];
        }
        if (received.length > builtInputShape.rank() + 1 && builtInputShape.rank() == 1 && size == builtInputShape.size()) {
            return " Add a Flatten layer before it.";
        }
        if (received.length == builtInputShape.rank() && builtInputShape.rank() == 3 && builtInputShape.dim(2) == 1
                && received[1] == builtInputShape.dim(0) && received[2] == builtInputShape.dim(1)) {
            String hw = received[1] + ", " + received[2];
            return " Add the channel axis: x.reshape(" + received[0] + ", " + hw + ", 1), or put a Reshape(" + hw + ", 1) layer first.";
        }
        if (received.length == builtInputShape.rank() && received.length >= 1) {
            return " Each sample needs its own row: add the batch axis, e.g. x.reshape(1, ...) for a single sample.";
        }
        return " Reshape the data to " + builtInputShape.toBatchString().replace("None", "batch")
                + " or change the layers before it.";
    }

    @Override
    public String toString() {
        return name() + " (" + typeName() + ")";
    }
}
