package io.github.keras4j.layers;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.regularizers.Regularizer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Objects;

/**
 * A trainable array of a layer (Keras' variable): its value, the gradient of the loss with respect to
 * it after a backward pass, its Keras-style name ({@code dense_1/kernel}) and an optional regularizer.
 */
public final class Parameter {
    private final Layer owner;
    private final String localName;
    private final INDArray value;
    private final INDArray gradient;
    private final Regularizer regularizer;

    Parameter(Layer owner, String localName, INDArray value, Regularizer regularizer) {
        this.owner = Objects.requireNonNull(owner);
        this.localName = Objects.requireNonNull(localName);
        this.value = Objects.requireNonNull(value);
        this.gradient = NativeMemory.create(value.dataType(), value.shape());
        this.regularizer = regularizer;
    }

    /** {@code layerName/localName}, e.g. {@code dense/kernel}. */
    public String name() {
        return owner.name() + "/" + localName;
    }

    /** The variable's own name within its layer: {@code kernel}, {@code bias}. */
    public String localName() {
        return localName;
    }

    /** The value, updated in place by optimizers. */
    public INDArray value() {
        return value;
    }

    /** dLoss/dValue from the last backward pass, same shape as the value. */
    public INDArray gradient() {
        return gradient;
    }

    /** The regularizer whose penalty is added to the loss, or null. */
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
