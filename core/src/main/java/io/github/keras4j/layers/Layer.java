package io.github.keras4j.layers;

import io.github.keras4j.regularizers.Regularizer;
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
 *   <li>{@link #build(Shape)} once the input shape is known: weights are created here, so users never
 *   write input sizes.</li>
 *   <li>{@link #forward(INDArray, boolean)} computes the output; with {@code training = true} the layer
 *   remembers what {@link #backward(INDArray)} needs. Inference ({@code training = false}) changes no
 *   state, so one built layer can serve several threads at once.</li>
 *   <li>{@link #backward(INDArray)} takes dLoss/dOutput, fills each parameter's gradient and returns
 *   dLoss/dInput. The output of a training forward and the arrays backward returns are reused by the
 *   next training step.</li>
 * </ol>
 */
public abstract class Layer {
    private String explicitName;
    private String assignedName;
    private Shape declaredInputShape;
    private Shape builtInputShape;
    private DataType dataType;
    private int index = -1;
    private final List<Parameter> parameters = new ArrayList<>();

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

    /** Keras' automatic name stem: the class name in snake case ({@code Dense} -> {@code dense}). */
    public String baseName() {
        return typeName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
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
        this.dataType = dataType;
        createParameters(inputShape);
        this.builtInputShape = inputShape;
    }

    /** Subclasses create their weights here with {@link #addParameter}. */
    protected void createParameters(Shape inputShape) {
    }

    /** Adds a parameter named {@code localName} ({@code kernel}, {@code bias}) holding {@code value}. */
    protected final Parameter addParameter(String localName, INDArray value, Regularizer regularizer) {
        Parameter p = new Parameter(this, localName, value, regularizer);
        parameters.add(p);
        return p;
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

    /** The trainable parameters, in Keras' order (kernel, then bias). */
    public List<Parameter> parameters() {
        return Collections.unmodifiableList(parameters);
    }

    /** Number of scalars in the parameters. */
    public long countParams() {
        long n = 0;
        for (Parameter p : parameters) {
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
