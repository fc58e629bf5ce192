package io.github.keras4j.optimizers;

import io.github.keras4j.optimizers.schedules.LearningRateSchedule;

import java.util.List;

/**
 * Adamax, Adam's variant on the infinity norm (Kingma and Ba, section 7.1), as Keras computes it; slots
 * {@code m} (momentum) and {@code u} (norm) start at 0:
 * <pre>
 * t = step                                  // 1 on the first step
 * m += (g - m) * (1 - beta1)
 * u = max(beta2 * u, |g|)
 * w -= lr * m / ((1 - beta1^t) * (u + epsilon))
 * </pre>
 * Defaults, as in Keras: learning rate {@value #DEFAULT_LEARNING_RATE}, beta1 {@value #DEFAULT_BETA_1}, beta2
 * {@value #DEFAULT_BETA_2}, epsilon {@value #DEFAULT_EPSILON}.
 */
public final class Adamax extends MomentOptimizer {
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    public static final double DEFAULT_BETA_1 = 0.9;
    public static final double DEFAULT_BETA_2 = 0.999;
    public static final double DEFAULT_EPSILON = 1e-7;

    public Adamax() {
        this(DEFAULT_LEARNING_RATE);
    }

    public Adamax(double learningRate) {
        this(learningRate, DEFAULT_BETA_1, DEFAULT_BETA_2, DEFAULT_EPSILON);
    }

    /** Keras' defaults, with the learning rate given by {@code learningRate} at every step. */
    public Adamax(LearningRateSchedule learningRate) {
        this();
        setLearningRate(learningRate);
    }

    public Adamax(double learningRate, double beta1, double beta2, double epsilon) {
        super(learningRate, beta1, beta2, epsilon, true);
    }

    @Override
    public String name() {
        return "adamax";
    }

    @Override
    public List<String> slotNames() {
        return List.of("momentum", "norm");
    }

    @Override
    protected void update(float[] w, float[] g, float[][] slots, int n, long step, double learningRate) {
        float[] m = slots[0];
        float[] u = slots[1];
        float lr = (float) learningRate;
        float correction = 1f - (float) Math.pow((float) beta1(), step); // Keras: float32 power of the float32 beta1
        float a1 = (float) (1 - beta1()); // Keras: Python's 1 - beta_1, then float32
        float b2 = (float) beta2();
        float eps = (float) epsilon();
        for (int i = 0; i < n; i++) {
            float gi = g[i];
            m[i] += (gi - m[i]) * a1;
            u[i] = Math.max(b2 * u[i], Math.abs(gi));
            w[i] -= lr * m[i] / (correction * (u[i] + eps));
        }
    }
}
