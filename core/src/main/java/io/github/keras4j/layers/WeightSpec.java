package io.github.keras4j.layers;

import io.github.keras4j.initializers.Initializer;
import io.github.keras4j.regularizers.Regularizer;

import java.util.Arrays;
import java.util.Objects;

/**
 * A weight a layer creates when it is built, as Keras' {@code add_weight} describes it: its name within the
 * layer, its shape, how its values start, its regularizer (or null) and whether training changes it through
 * gradients. A layer lists its specs in {@link Layer#weightSpecs(Shape)}, which is the one place its weight
 * shapes are stated: building creates the weights from it, and loading checks a file against it before any
 * memory is allocated.
 */
public record WeightSpec(String name, long[] shape, Initializer initializer, Regularizer regularizer, boolean trainable) {
    public WeightSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(initializer, "initializer");
        shape = shape.clone();
    }

    /** A trainable weight (kernel, bias). */
    public static WeightSpec trainable(String name, long[] shape, Initializer initializer, Regularizer regularizer) {
        return new WeightSpec(name, shape, initializer, regularizer, true);
    }

    /** A weight the layer updates itself (moving statistics). */
    public static WeightSpec nonTrainable(String name, long[] shape, Initializer initializer) {
        return new WeightSpec(name, shape, initializer, null, false);
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** The number of values, or -1 when it does not fit in a long (the layer refuses to build then). */
    public long size() {
        long n = 1;
        for (long d : shape) {
            if (d != 0 && n > Long.MAX_VALUE / d) {
                return -1;
            }
            n *= d;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeightSpec w && name.equals(w.name) && Arrays.equals(shape, w.shape) && trainable == w.trainable
                && initializer.equals(w.initializer) && Objects.equals(regularizer, w.regularizer);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(shape), trainable);
    }

    @Override
    public String toString() {
        return name + " " + Shape.describe(shape);
    }
}
