package io.github.keras4j.layers;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.backend.PerThread;
import io.github.keras4j.backend.ViewCache;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Keras' Flatten: {@code (batch, d1, d2, ...)} to {@code (batch, d1*d2*...)}, a view when the input is contiguous. */
public class Flatten extends Layer {
    private final ViewCache trainViews = new ViewCache();
    private final ViewCache gradientViews = new ViewCache();
    private final PerThread<ViewCache> inferenceViews = new PerThread<>(ViewCache::new);
    private long[] lastInputShape;

    @Override
    public Flatten inputShape(int... dims) {
        super.inputShape(dims);
        return this;
    }

    @Override
    public Flatten name(String name) {
        super.name(name);
        return this;
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        return Shape.of(Math.toIntExact(inputShape.size()));
    }

    @Override
    protected INDArray call(INDArray x, boolean training) {
        if (training) {
            lastInputShape = x.shape();
        }
        if (x.rank() == 2) {
            return x;
        }
        long[] flat = {x.size(0), x.length() / x.size(0)};
        return (training ? trainViews : inferenceViews.get()).reshape(NativeMemory.contiguous(x), flat);
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
