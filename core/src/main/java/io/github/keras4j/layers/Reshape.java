package io.github.keras4j.layers;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.backend.PerThread;
import io.github.keras4j.backend.ViewCache;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/**
 * Keras' Reshape: each sample to {@code targetShape}, in row-major order, as a view of the input. One dimension may
 * be -1, inferred from the others, as in Keras ({@code Reshape(-1, 1)}); {@code Reshape(28, 28, 1)} adds the
 * channel axis a Conv2D needs to MNIST's {@code (28, 28)} images.
 */
public class Reshape extends Layer {
    private final int[] targetShape;
    private final ViewCache trainViews = new ViewCache();
    private final ViewCache gradientViews = new ViewCache();
    private final PerThread<ViewCache> inferenceViews = new PerThread<>(ViewCache::new);
    private long[] lastInputShape;

    public Reshape(int... targetShape) {
        if (targetShape == null || targetShape.length == 0) {
            throw new IllegalArgumentException("Reshape needs a target shape of at least one dimension (the batch axis is"
                    + " implied), e.g. new Reshape(28, 28, 1), got none");
        }
        int unknown = 0;
        for (int d : targetShape) {
            if (d == -1) {
                unknown++;
            } else if (d < 1) {
                throw new IllegalArgumentException("Reshape target dimensions must be >= 1, or -1 for one dimension to infer; got "
                        + Arrays.toString(targetShape));
            }
        }
        if (unknown > 1) {
            throw new IllegalArgumentException("Reshape can infer one dimension only, but the target shape "
                    + Arrays.toString(targetShape) + " has " + unknown + " dimensions of -1");
        }
        this.targetShape = targetShape.clone();
    }

    /** The target shape as given, -1 included. */
    public int[] targetShape() {
        return targetShape.clone();
    }

    @Override
    public Reshape inputShape(int... dims) {
        super.inputShape(dims);
        return this;
    }

    @Override
    public Reshape name(String name) {
        super.name(name);
        return this;
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        long known = 1;
        int unknownAt = -1;
        for (int i = 0; i < targetShape.length; i++) {
            if (targetShape[i] == -1) {
                unknownAt = i;
            } else {
                known *= targetShape[i];
            }
        }
        long size = inputShape.size();
        int[] out = targetShape.clone();
        if (unknownAt >= 0 && size % known == 0) {
            out[unknownAt] = Math.toIntExact(size / known);
            known = size;
        }
        if (known != size) {
            StringBuilder target = new StringBuilder("(None");
            for (int d : targetShape) {
                target.append(", ").append(d);
            }
            throw new IllegalArgumentException(describe() + " cannot reshape input " + inputShape.toBatchString() + " ("
                    + size + " values per sample) to " + target + "): the target must hold the same number of values. Use a"
                    + " target shape whose sizes multiply to " + size + ", or -1 for one of them.");
        }
        return Shape.of(out);
    }

    @Override
    protected INDArray call(INDArray x, boolean training) {
        if (training) {
            lastInputShape = x.shape();
        }
        long[] shape = computeOutputShape(builtInputShape()).withBatch(x.size(0));
        return (training ? trainViews : inferenceViews.get()).reshape(NativeMemory.contiguous(x), shape);
    }

    @Override
    public INDArray backward(INDArray gradOutput, boolean needInputGradient) {
        if (lastInputShape == null) {
            throw new IllegalStateException(describe() + ": backward needs a forward pass with training=true first");
        }
        if (!needInputGradient) {
            return null;
        }
        return gradientViews.reshape(NativeMemory.contiguous(gradOutput), lastInputShape);
    }
}
