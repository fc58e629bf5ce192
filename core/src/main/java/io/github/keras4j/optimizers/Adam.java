package io.github.keras4j.optimizers;

import java.util.List;

/**
 * Adam, as Keras computes it (epsilon added to {@code sqrt(v)}, bias correction folded into the rate);
 * slots {@code m} (momentum) and {@code v} (velocity) start at 0:
 * <pre>
 * t = step                                  // 1 on the first step
 * alpha = lr * sqrt(1 - beta2^t) / (1 - beta1^t)
 * m += (g - m) * (1 - beta1)
 * v += (g^2 - v) * (1 - beta2)
 * w -= alpha * m / (sqrt(v) + epsilon)
 * </pre>
 * Defaults: learning rate {@value #DEFAULT_LEARNING_RATE}, beta1 {@value #DEFAULT_BETA_1}, beta2
 * {@value #DEFAULT_BETA_2}, epsilon {@value #DEFAULT_EPSILON} (DL4J's default is 1e-8).
 */
public final class Adam extends Optimizer {
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    public static final double DEFAULT_BETA_1 = 0.9;
    public static final double DEFAULT_BETA_2 = 0.999;
    public static final double DEFAULT_EPSILON = 1e-7;

    private final double beta1;
    private final double beta2;
    private final double epsilon;

    public Adam() {
        this(DEFAULT_LEARNING_RATE);
    }

    public Adam(double learningRate) {
        this(learningRate, DEFAULT_BETA_1, DEFAULT_BETA_2, DEFAULT_EPSILON);
    }

    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        super(learningRate);
        this.beta1 = unitInterval("Adam beta1", beta1, false, DEFAULT_BETA_1);
        this.beta2 = unitInterval("Adam beta2", beta2, false, DEFAULT_BETA_2);
        this.epsilon = positive("Adam epsilon", epsilon, DEFAULT_EPSILON);
    }

    public double beta1() {
        return beta1;
    }

    public double beta2() {
        return beta2;
    }

    public double epsilon() {
        return epsilon;
    }

    @Override
    public String name() {
        return "adam";
    }

    @Override
    public List<String> slotNames() {
        return List.of("momentum", "velocity");
    }

    @Override
    protected void update(float[] w, float[] g, float[][] slots, int n, long step) {
        float[] m = slots[0];
        float[] v = slots[1];
        float alpha = (float) (learningRate() * Math.sqrt(1 - Math.pow(beta2, step)) / (1 - Math.pow(beta1, step)));
        float a1 = (float) (1 - beta1);
        float a2 = (float) (1 - beta2);
        float eps = (float) epsilon;
        for (int i = 0; i < n; i++) {
            float gi = g[i];
            float mi = m[i] + (gi - m[i]) * a1;
            float vi = v[i] + (gi * gi - v[i]) * a2;
            m[i] = mi;
            v[i] = vi;
            w[i] -= alpha * mi / ((float) Math.sqrt(vi) + eps);
        }
    }
}
