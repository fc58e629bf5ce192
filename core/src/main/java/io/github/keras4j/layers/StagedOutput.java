package io.github.keras4j.layers;

/**
 * The pre-activation {@code z} and activation {@code a} of a layer's last training forward, as staged
 * {@code rows x width} arrays. Loss functions that pair with the output activation (softmax with
 * cross-entropy) read them to compute the gradient with respect to {@code z} directly.
 */
public record StagedOutput(double[] z, double[] a, int rows, int width) {
    public int length() {
        return rows * width;
    }
}
