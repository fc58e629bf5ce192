package io.github.keras4j.layers;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.regularizers.Regularizer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Objects;

/**
 * A weight of a layer (Keras' variable): its value, its Keras-style name ({@code dense_1/kernel}), an optional
 * regularizer, and whether training changes it.
 *
 * <p>A trainable weight (a kernel, a bias) has a gradient, filled by each backward pass, which optimizers
 * apply. A non-trainable one (BatchNormalization's moving statistics) has none: the layer updates it itself
 * while training. A trainable weight of a frozen layer ({@code layer.trainable(false)}) keeps its gradient
 * array but is left out of training, as in Keras.
 */
public final class Parameter {
    private final Layer owner;
    private final String localName;
    private final INDArray value;
    private final INDArray gradient;
    private final Regularizer regularizer;

    Parameter(Layer owner, WeightSpec spec, INDArray value) {
        this.owner = Objects.requireNonNull(owner);
        this.localName = spec.name();
        this.value = Objects.requireNonNull(value);
        this.gradient = spec.trainable() ? NativeMemory.create(value.dataType(), value.shape()) : null;
        this.regularizer = spec.regularizer();
    }

    /** {@code layerName/localName}, e.g. {@code dense/kernel}. */
    public String name() {
        return owner.name() + "/" + localName;
    }

    /** The variable's own name within its layer: {@code kernel}, {@code bias}, {@code moving_mean}. */
    public String localName() {
        return localName;
    }

    /** The layer this weight belongs to. */
    public Layer owner() {
        return owner;
    }

    /** The value, updated in place by optimizers (trainable weights) or by its layer (non-trainable ones). */
    public INDArray value() {
        return value;
    }

    /**
     * dLoss/dValue from the last backward pass, same shape as the value; null for a non-trainable weight, which
     * has no gradient.
     */
    public INDArray gradient() {
        return gradient;
    }

    /** True for a weight of a trainable kind (kernel, bias), whether or not its layer is frozen now. */
    public boolean hasGradient() {
        return gradient != null;
    }

    /** Keras' {@code variable.trainable}, as its layer sees it: a trainable kind of weight in a layer that is not frozen. */
    public boolean isTrainable() {
        return gradient != null && owner.isTrainable();
    }

    /** The regularizer whose penalty is added to the loss while the weight is trainable, or null. */
    public Regularizer regularizer() {
        return regularizer;
    }

    /** Number of scalars. */
    public long size() {
        return value.length();
    }

    @Override
    public String toString() {
        return name() + " " + Shape.describe(value.shape());
    }
}
