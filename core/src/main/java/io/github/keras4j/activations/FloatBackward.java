package io.github.keras4j.activations;

/**
 * An activation whose derivative can be read off its float32 output exactly (relu: 1 where the output is
 * positive; linear: 1 everywhere), so a hidden layer can train without keeping its pre-activation in double
 * precision: the gradient it passes back equals, bit for bit, the one computed through doubles.
 */
public interface FloatBackward extends FloatForward {
    /** Turns dLoss/da into dLoss/dz in place, from the forward's output {@code a = f(z)}: {@code grad[i] *= f'(a[i])}. */
    void backwardFromOutput(float[] a, float[] grad, int n);
}
