package io.github.keras4j.activations;

/**
 * An activation whose forward pass in float32 gives exactly the float32 values its double-precision forward
 * would (relu, linear): {@code max(x, 0)} and the identity round nothing. Dense layers use it for inference
 * on float32 models, where staging through doubles costs more than the arithmetic: a float loop is vectorised
 * twice as wide, and the float-double conversions on the way in and out are not vectorised at all.
 */
public interface FloatForward {
    /** {@code a[i] = f(z[i])} for {@code i < n}; {@code a} may be {@code z}. */
    void forward(float[] z, float[] a, int n, int width);
}
