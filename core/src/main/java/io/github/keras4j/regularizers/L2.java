package io.github.keras4j.regularizers;

/**
 * Keras' L2: {@code penalty = l2 * sum(w^2)}, with no 1/2 (unlike DL4J's), so the gradient is
 * {@code 2 * l2 * w}. Default factor {@value #DEFAULT_L2}.
 */
public final class L2 implements Regularizer {
    public static final double DEFAULT_L2 = Regularizers.DEFAULT_FACTOR;

    private final double l2;

    public L2() {
        this(DEFAULT_L2);
    }

    public L2(double l2) {
        this.l2 = Factors.check("L2", "l2", l2);
    }

    public double l2() {
        return l2;
    }

    @Override
    public double penalty(double[] w, int n) {
        double sq = 0;
        for (int i = 0; i < n; i++) {
            sq += w[i] * w[i];
        }
        return l2 * sq;
    }

    @Override
    public void addGradient(double[] w, double[] grad, int n) {
        for (int i = 0; i < n; i++) {
            grad[i] += 2 * l2 * w[i];
        }
    }

    @Override
    public String toString() {
        return "L2(l2=" + l2 + ")";
    }
}
