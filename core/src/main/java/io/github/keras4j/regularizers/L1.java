package io.github.keras4j.regularizers;

/**
 * Keras' L1: {@code penalty = l1 * sum(|w|)}, gradient {@code l1 * sign(w)} (0 at w = 0, as Keras'
 * backends differentiate {@code abs}). Default factor {@value #DEFAULT_L1}.
 */
public final class L1 implements Regularizer {
    public static final double DEFAULT_L1 = Regularizers.DEFAULT_FACTOR;

    private final double l1;

    public L1() {
        this(DEFAULT_L1);
    }

    public L1(double l1) {
        this.l1 = Factors.check("L1", "l1", l1);
    }

    public double l1() {
        return l1;
    }

    @Override
    public double penalty(double[] w, int n) {
        double abs = 0;
        for (int i = 0; i < n; i++) {
            abs += Math.abs(w[i]);
        }
        return l1 * abs;
    }

    @Override
    public void addGradient(double[] w, double[] grad, int n) {
        for (int i = 0; i < n; i++) {
            grad[i] += l1 * Math.signum(w[i]);
        }
    }

    @Override
    public String toString() {
        return "L1(l1=" + l1 + ")";
    }
}
