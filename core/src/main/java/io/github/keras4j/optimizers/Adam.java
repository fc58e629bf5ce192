package io.github.keras4j.optimizers;

import io.github.keras4j.optimizers.schedules.LearningRateSchedule;

import java.util.List;

/**
 * Adam, as Keras computes it (epsilon added to {@code sqrt(v)}, bias correction folded into the rate);
 * slots {@code m} (momentum), {@code v} (velocity) and, with AMSGrad, {@code vhat} (velocity_hat) start at 0:
 * <pre>
 * t = step                                  // 1 on the first step
 * alpha = lr * sqrt(1 - beta2^t) / (1 - beta1^t)
 * m += (g - m) * (1 - beta1)
 * v += (g^2 - v) * (1 - beta2)
 * if amsgrad:  vhat = max(vhat, v)          // Reddi et al., "On the Convergence of Adam and Beyond"
 *              w -= alpha * m / (sqrt(vhat) + epsilon)
 * else:        w -= alpha * m / (sqrt(v) + epsilon)
 * </pre>
 * Defaults: learning rate {@value #DEFAULT_LEARNING_RATE}, beta1 {@value #DEFAULT_BETA_1}, beta2
 * {@value #DEFAULT_BETA_2}, epsilon {@value #DEFAULT_EPSILON} (DL4J's default is 1e-8), amsgrad
 * {@value #DEFAULT_AMSGRAD}.
 */
public class Adam extends MomentOptimizer {
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    public static final double DEFAULT_BETA_1 = 0.9;
    public static final double DEFAULT_BETA_2 = 0.999;
    public static final double DEFAULT_EPSILON = 1e-7;
    public static final boolean DEFAULT_AMSGRAD = false;

    private final boolean amsgrad;

    public Adam() {
        this(DEFAULT_LEARNING_RATE);
    }

    public Adam(double learningRate) {
        this(learningRate, DEFAULT_BETA_1, DEFAULT_BETA_2, DEFAULT_EPSILON);
    }

    /** Keras' defaults, with the learning rate given by {@code learningRate} at every step. */
    public Adam(LearningRateSchedule learningRate) {
        this();
        setLearningRate(learningRate);
    }

    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        this(learningRate, beta1, beta2, epsilon, DEFAULT_AMSGRAD);
    }

    public Adam(double learningRate, double beta1, double beta2, double epsilon, boolean amsgrad) {
        super(learningRate, beta1, beta2, epsilon, false);
        this.amsgrad = amsgrad;
    }

    public boolean amsgrad() {
        return amsgrad;
    }

    @Override
    public String name() {
        return "adam";
    }

    @Override
    public List<String> slotNames() {
        return amsgrad ? List.of("momentum", "velocity", "velocity_hat") : List.of("momentum", "velocity");
    }

    @Override
    protected void update(float[] w, float[] g, float[][] slots, int n, long step, double learningRate) {
        float[] m = slots[0];
        float[] v = slots[1];
        double beta1 = beta1();
        double beta2 = beta2();
        float alpha = (float) (learningRate * Math.sqrt(1 - Math.pow(beta2, step)) / (1 - Math.pow(beta1, step)));
        float a1 = (float) (1 - beta1);
        float a2 = (float) (1 - beta2);
        float eps = (float) epsilon();
        if (amsgrad) {
            updateAmsgrad(w, g, m, v, slots[2], n, alpha, a1, a2, eps);
            return;
        }
        for (int i = 0; i < n; i++) {
            float gi = g[i];
            float mi = m[i] + (gi - m[i]) * a1;
            float vi = v[i] + (gi * gi - v[i]) * a2;
            m[i] = mi;
            v[i] = vi;
            w[i] -= alpha * mi / ((float) Math.sqrt(vi) + eps);
        }
    }

    /** The AMSGrad variant's loop, apart so that the plain loop stays as small as the JIT compiles it best. */
    private static void updateAmsgrad(float[] w, float[] g, float[] m, float[] v, float[] vhat, int n, float alpha, float a1, float a2,
                                      float eps) {
        for (int i = 0; i < n; i++) {
            float gi = g[i];
            float mi = m[i] + (gi - m[i]) * a1;
            float vi = v[i] + (gi * gi - v[i]) * a2;
            float hi = Math.max(vhat[i], vi);
            m[i] = mi;
            v[i] = vi;
            vhat[i] = hi;
            w[i] -= alpha * mi / ((float) Math.sqrt(hi) + eps);
        }
    }
}
