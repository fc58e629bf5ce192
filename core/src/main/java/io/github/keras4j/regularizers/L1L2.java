package io.github.keras4j.regularizers;

/**
 * Keras' L1L2: {@code penalty = l1 * sum(|w|) + l2 * sum(w^2)}. Note the L2 term has no 1/2, unlike
 * DL4J's, so its gradient is {@code l1 * sign(w) + 2 * l2 * w}.
 *
 * <p>The constructor has no defaults (as Keras' class, whose {@code L1L2()} is 0 and 0);
 * {@link Regularizers#l1l2()} gives tf.keras 2's {@code l1_l2()} with both factors
 * {@value Regularizers#DEFAULT_FACTOR}.
 */
public final class L1L2 implements Regularizer {
    private final double l1;
    private final double l2;

    public L1L2(double l1, double l2) {
        this.l1 = Factors.check("L1L2", "l1", l1);
        this.l2 = Factors.check("L1L2", "l2", l2);
    }

    public double l1() {
        return l1;
    }

    public double l2() {
        return l2;
    }

    @Override
    public double penalty(double[] w, int n) {
        double abs = 0, sq = 0;
        for (int i = 0; i < n; i++) {
            abs += Math.abs(w[i]);
            sq += w[i] * w[i];
        }
        return l1 * abs + l2 * sq;
    }

    @Override
    public void addGradient(double[] w, double[] grad, int n) {
        for (int i = 0; i < n; i++) {
            grad[i] += l1 * Math.signum(w[i]) + 2 * l2 * w[i];
        }
    }

    @Override
    public String toString() {
        return "L1L2(l1=" + l1 + ", l2=" + l2 + ")";
    }
}
