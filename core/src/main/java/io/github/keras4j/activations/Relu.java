package io.github.keras4j.activations;

/** {@code relu(x) = max(x, 0)}; its derivative at 0 is taken as 0, as TensorFlow does. */
public final class Relu implements ActivationFunction, FloatBackward {
    @Override
    public String name() {
        return "relu";
    }

    @Override
    public void forward(double[] z, double[] a, int n, int width) {
        for (int i = 0; i < n; i++) {
            a[i] = Math.max(z[i], 0);
        }
    }

    @Override
    public void forward(float[] z, float[] a, int n, int width) {
        for (int i = 0; i < n; i++) {
            a[i] = Math.max(z[i], 0f);
        }
    }

    @Override
    public void backward(double[] z, double[] a, double[] grad, int n, int width) {
        // grad[i] = z[i] > 0 ? grad[i] : 0, without a branch: the signs of z are random, so a branch is
        // mispredicted half the time and made this loop the slowest of a ReLU network's training step.
        // The mask is all ones when z's bits, read as a long, are > 0 (z > 0; also -0.0 and negatives give 0).
        for (int i = 0; i < n; i++) {
            long b = Double.doubleToRawLongBits(z[i]);
            long keep = (-b >> 63) & ~(b >> 63);
            grad[i] = Double.longBitsToDouble(Double.doubleToRawLongBits(grad[i]) & keep);
        }
    }

    @Override
    public void backwardFromOutput(float[] a, float[] grad, int n) {
        // a = max(z, 0) > 0 exactly where z > 0, with one exception: a positive z below about 1e-45 rounds to an output
        // of 0, and its gradient stops here where the double path would pass it. The same branch-free mask as above.
        for (int i = 0; i < n; i++) {
            int b = Float.floatToRawIntBits(a[i]);
            int keep = (-b >> 31) & ~(b >> 31);
            grad[i] = Float.intBitsToFloat(Float.floatToRawIntBits(grad[i]) & keep);
        }
    }
}
