package io.github.keras4j.layers;

import io.github.keras4j.backend.ImageKernels;
import io.github.keras4j.backend.Windows;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras' AveragePooling2D: the mean of each window, per channel. With padding {@code "same"} a window at the edge
 * averages only its values inside the image (padding is not counted), as in Keras.
 */
public class AveragePooling2D extends Pooling2D {
    /** A square {@code poolSize} window, moved by its own size. */
    public AveragePooling2D(int poolSize) {
        super(poolSize, poolSize);
    }

    /** Keras' default, a 2x2 window. */
    public AveragePooling2D() {
        this(2);
    }

    @Override
    protected void pool(INDArray x, Windows w, INDArray out, boolean training) {
        ImageKernels.get().averagePool(x, w, out);
    }

    @Override
    protected void poolBackward(INDArray gradOut, Windows w, INDArray dx) {
        ImageKernels.get().averagePoolBackward(gradOut, w, dx);
    }
}
