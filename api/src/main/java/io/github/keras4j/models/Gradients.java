package io.github.keras4j.models;

import java.util.Arrays;

/**
 * The gradients of a model's trainable weights for one batch, dLoss/dw, flattened into one float32 array in the order
 * of the weights (Keras' {@code model.trainable_weights}, each in c order): what {@link Model#computeGradients}
 * returns and {@link Model#applyGradients} applies. Between the two calls a data-parallel trainer combines the
 * workers' gradients, e.g. their mean: {@code g1.copy().add(g2).scale(0.5)}.
 */
public final class Gradients {
    private final float[] values;

    private Gradients(float[] values) {
        this.values = values;
    }

    /** Gradients holding {@code values} (copied), as {@link #toFloatArray()} gave them, e.g. after crossing a network. */
    public static Gradients of(float[] values) {
        if (values == null) {
            throw new IllegalArgumentException("Gradients.of needs an array, got null");
        }
        return new Gradients(values.clone());
    }

    /** Wraps an array made for it, without copying. */
    static Gradients wrap(float[] values) {
        return new Gradients(values);
    }

    /** The number of values: the number of scalars in the trainable weights. */
    public int size() {
        return values.length;
    }

    /** An independent copy. */
    public Gradients copy() {
        return new Gradients(values.clone());
    }

    /** Adds {@code other} value by value, in place; returns this. */
    public Gradients add(Gradients other) {
        if (other == null || other.values.length != values.length) {
            throw new IllegalArgumentException("Gradients.add needs gradients of the same " + values.length + " values, got "
                    + (other == null ? "null" : other.values.length + " values") + ": both must come from the same model.");
        }
        for (int i = 0; i < values.length; i++) {
            values[i] += other.values[i];
        }
        return this;
    }

    /** Multiplies every value by {@code factor}, in place (e.g. 1 / workers for a mean); returns this. */
    public Gradients scale(double factor) {
        float f = (float) factor;
        for (int i = 0; i < values.length; i++) {
            values[i] *= f;
        }
        return this;
    }

    /** A copy of the values. */
    public float[] toFloatArray() {
        return values.clone();
    }

    /** The values themselves, for the model to apply without a copy. */
    float[] values() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Gradients g && Arrays.equals(values, g.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Gradients[" + values.length + " values]";
    }
}
