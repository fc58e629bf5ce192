package io.github.keras4j.optimizers;

/**
 * Keras' three ways of clipping gradients before an update ({@code BaseOptimizer._clip_gradients} in
 * keras/src/optimizers/base_optimizer.py), in float32 like Keras. Sums of squares are accumulated in double,
 * where Keras sums float32s, so a norm can differ from Keras' in its last float32 bit.
 */
final class GradientClipping {
    private GradientClipping() {
    }

    /**
     * {@code clipnorm}, each gradient on its own: {@code g * c / max(||g||, c)}, so a gradient whose L2 norm is
     * above {@code c} is scaled down to norm {@code c}. Like Keras, the multiplication and division also run when
     * the norm is below {@code c}.
     */
    static void byNorm(float[] g, int n, float c) {
        float l2sum = (float) sumOfSquares(g, n);
        float l2norm = l2sum > 0 ? (float) Math.sqrt(l2sum) : l2sum;
        float denominator = Math.max(l2norm, c);
        for (int i = 0; i < n; i++) {
            g[i] = g[i] * c / denominator;
        }
    }

    /** {@code clipvalue}: every component into {@code [-c, c]}. */
    static void byValue(float[] g, int n, float c) {
        for (int i = 0; i < n; i++) {
            g[i] = Math.min(Math.max(g[i], -c), c);
        }
    }

    /**
     * {@code global_clipnorm}'s factor for all gradients together, from the sum of the squares of all their
     * components: {@code c * min(1 / norm, 1 / c)}, which is NaN when the norm is not finite (Keras adds
     * {@code norm - norm} for that).
     */
    static float globalScale(double sumOfSquares, float c) {
        float norm = (float) Math.sqrt((float) sumOfSquares);
        float scaleForFinite = c * Math.min(1f / norm, 1f / c);
        return scaleForFinite + (norm - norm);
    }

    static void scale(float[] g, int n, float s) {
        for (int i = 0; i < n; i++) {
            g[i] *= s;
        }
    }

    static double sumOfSquares(float[] g, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += (double) g[i] * g[i];
        }
        return sum;
    }
}
