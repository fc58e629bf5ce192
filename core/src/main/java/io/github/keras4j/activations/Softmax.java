package io.github.keras4j.activations;

import io.github.keras4j.backend.FloatKernels;

/**
 * {@code softmax(x)_j = exp(x_j) / sum_k exp(x_k)} over the last axis, computed as
 * {@code exp(x_j - max x)} so that logits of 1000 or -1000 stay finite. Inference on the Vector API path runs in
 * float32 ({@link FloatKernels#softmax}).
 */
public final class Softmax implements ActivationFunction, KernelForward {
    @Override
    public String name() {
        return "softmax";
    }

    @Override
    public void forward(double[] z, double[] a, int n, int width) {
        for (int row = 0; row < n; row += width) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = row; j < row + width; j++) {
                max = Math.max(max, z[j]);
            }
            double sum = 0;
            for (int j = row; j < row + width; j++) {
                a[j] = Math.exp(z[j] - max);
                sum += a[j];
            }
            double inv = 1 / sum;
            for (int j = row; j < row + width; j++) {
                a[j] *= inv;
            }
        }
    }

    @Override
    public void forward(FloatKernels kernels, float[] z, float[] a, int n, int width) {
        kernels.softmax(z, a, n, width);
    }

    @Override
    public void backward(double[] z, double[] a, double[] grad, int n, int width) {
        // dL/dz_j = a_j (g_j - sum_k g_k a_k)
        for (int row = 0; row < n; row += width) {
            double dot = 0;
            for (int j = row; j < row + width; j++) {
                dot += grad[j] * a[j];
            }
            for (int j = row; j < row + width; j++) {
                grad[j] = a[j] * (grad[j] - dot);
            }
        }
    }
}
