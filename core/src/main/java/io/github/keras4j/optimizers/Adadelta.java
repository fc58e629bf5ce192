package io.github.keras4j.optimizers;

import io.github.keras4j.optimizers.schedules.LearningRateSchedule;

import java.util.List;

/**
 * Adadelta (Zeiler, 2012), as Keras computes it (with a learning rate, epsilon inside both square roots);
 * slots {@code E[g^2]} (accumulated_grad) and {@code E[dx^2]} (accumulated_delta_var) start at 0:
 * <pre>
 * E[g^2]  = rho * E[g^2] + (1 - rho) * g^2
 * dx      = -sqrt(E[dx^2] + epsilon) * g / sqrt(E[g^2] + epsilon)
 * E[dx^2] = rho * E[dx^2] + (1 - rho) * dx^2
 * w += lr * dx
 * </pre>
 * Defaults, as in Keras: learning rate {@value #DEFAULT_LEARNING_RATE}, rho {@value #DEFAULT_RHO}, epsilon
 * {@value #DEFAULT_EPSILON}. Adadelta usually wants a larger learning rate than its default; the paper's form
 * is learning rate 1.0.
 */
public final class Adadelta extends Optimizer {
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    public static final double DEFAULT_RHO = 0.95;
    public static final double DEFAULT_EPSILON = 1e-7;

    private final double rho;
    private final double epsilon;

    public Adadelta() {
        this(DEFAULT_LEARNING_RATE);
    }

    public Adadelta(double learningRate) {
        this(learningRate, DEFAULT_RHO, DEFAULT_EPSILON);
    }

    /** Keras' defaults, with the learning rate given by {@code learningRate} at every step. */
    public Adadelta(LearningRateSchedule learningRate) {
        this();
        setLearningRate(learningRate);
    }

    public Adadelta(double learningRate, double rho, double epsilon) {
        super(learningRate);
        this.rho = unitInterval("Adadelta rho", rho, true, DEFAULT_RHO);
        this.epsilon = positive("Adadelta epsilon", epsilon, DEFAULT_EPSILON);
    }

    public double rho() {
        return rho;
    }

    public double epsilon() {
        return epsilon;
    }

    @Override
    public String name() {
        return "adadelta";
    }

    @Override
    public List<String> slotNames() {
        return List.of("accumulated_grad", "accumulated_delta_var");
    }

    @Override
    protected void update(float[] w, float[] g, float[][] slots, int n, long step, double learningRate) {
        float[] accumulatedGrad = slots[0];
        float[] accumulatedDelta = slots[1];
        float lr = (float) learningRate;
        float r = (float) rho;
        float oneMinusRho = (float) (1 - rho); // Keras: Python's 1 - rho, then float32
        float eps = (float) epsilon;
        for (int i = 0; i < n; i++) {
            float gi = g[i];
            accumulatedGrad[i] = r * accumulatedGrad[i] + oneMinusRho * (gi * gi);
            float delta = -((float) Math.sqrt(accumulatedDelta[i] + eps) * gi / (float) Math.sqrt(accumulatedGrad[i] + eps));
            accumulatedDelta[i] = r * accumulatedDelta[i] + oneMinusRho * (delta * delta);
            w[i] += lr * delta;
        }
    }
}
