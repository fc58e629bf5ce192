package io.github.keras4j.activations;

/**
 * An activation function (Keras' {@code keras.activations}), forward and backward side by side.
 *
 * <p>Both work on staged arrays of {@code n} values laid out as rows of {@code width} (the last axis),
 * which only row-wise functions such as softmax look at. Implementations are stateless.
 */
public interface ActivationFunction {
    /** Keras' identifier, e.g. {@code "relu"}. */
    String name();

    /** {@code a[i] = f(z[i])} for {@code i < n}. */
    void forward(double[] z, double[] a, int n, int width);

    /**
     * Turns dLoss/da into dLoss/dz in place: {@code grad[i] = grad[i] * f'(z[i])}, given the {@code z} and
     * {@code a = f(z)} of the forward pass (each function uses whichever is cheaper).
     */
    void backward(double[] z, double[] a, double[] grad, int n, int width);

    /** True for {@code linear}: layers then skip the copy and the backward pass. */
    default boolean isIdentity() {
        return false;
    }
}
