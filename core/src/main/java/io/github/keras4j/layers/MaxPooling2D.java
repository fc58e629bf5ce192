package io.github.keras4j.layers;

import io.github.keras4j.backend.ImageKernels;
import io.github.keras4j.backend.Windows;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras' MaxPooling2D: the largest value of each window, per channel. Padding ({@code "same"}) takes no part; of
 * equal values the first in the window (row by row) is the one the gradient flows back to, as in TensorFlow.
 */
public class MaxPooling2D extends Pooling2D {
    private int[] argmax = new int[0];

    /** A square {@code poolSize} window, moved by its own size (Keras' {@code MaxPooling2D(2)}). */
    public MaxPooling2D(int poolSize) {
        super(poolSize, poolSize);
    }

    /** Keras' default, a 2x2 window. */
    public MaxPooling2D() {
        this(2);
    }

    @Override
    protected void pool(INDArray x, Windows w, INDArray out, boolean training) {
        if (training && argmax.length < out.length()) {
            argmax = new int[(int) out.length()];
        }
        ImageKernels.get().maxPool(x, w, out, training ? argmax : null);
    }

    @Override
    protected void poolBackward(INDArray gradOut, Windows w, INDArray dx) {
        ImageKernels.get().maxPoolBackward(gradOut, argmax, dx);
    }
}
