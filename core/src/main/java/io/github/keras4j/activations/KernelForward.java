package io.github.keras4j.activations;

import io.github.keras4j.backend.FloatKernels;

/**
 * An activation with a float32 forward on {@link FloatKernels} (the Vector API path), used for inference when that
 * path runs. Unlike {@link FloatForward} its values are not bit for bit those of the double-precision forward, but
 * within {@link FloatKernels#TOLERANCE}: sigmoid and softmax need exp, which rounds.
 */
public interface KernelForward {
    /** {@code a[i] = f(z[i])} for {@code i < n}, over rows of {@code width}; {@code a} may be {@code z}. */
    void forward(FloatKernels kernels, float[] z, float[] a, int n, int width);
}
