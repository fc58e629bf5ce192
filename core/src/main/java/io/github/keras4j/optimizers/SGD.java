package io.github.keras4j.optimizers;

import io.github.keras4j.optimizers.schedules.LearningRateSchedule;

import java.util.List;

/**
 * Stochastic gradient descent with optional momentum and Nesterov momentum, as Keras computes it;
 * the momentum slot {@code m} (Keras' {@code momentum} variable, present only when momentum > 0) starts at 0:
 * <pre>
 * if momentum == 0:  w -= lr * g
 * else:              m = momentum * m - lr * g
 *                    w += nesterov ? momentum * m - lr * g : m
 * </pre>
 * Defaults: learning rate {@value #DEFAULT_LEARNING_RATE}, momentum {@value #DEFAULT_MOMENTUM}, nesterov
 * {@value #DEFAULT_NESTEROV}. Momentum must lie in [0, 1], as Keras requires.
 */
public final class SGD extends Optimizer {
    public static final double DEFAULT_LEARNING_RATE = 0.01;
    public static final double DEFAULT_MOMENTUM = 0.0;
    public static final boolean DEFAULT_NESTEROV = false;

    private final double momentum;
    private final boolean nesterov;

    public SGD() {
        this(DEFAULT_LEARNING_RATE);
    }

    public SGD(double learningRate) {
        this(learningRate, DEFAULT_MOMENTUM, DEFAULT_NESTEROV);
    }

    /** Keras' defaults, with the learning rate given by {@code learningRate} at every step. */
    public SGD(LearningRateSchedule learningRate) {
        this();
        setLearningRate(learningRate);
    }

    public SGD(double learningRate, double momentum, boolean nesterov) {
        super(learningRate);
        this.momentum = unitInterval("SGD momentum", momentum, true, DEFAULT_MOMENTUM);
        this.nesterov = nesterov;
    }

    public double momentum() {
        return momentum;
    }

    public boolean nesterov() {
        return nesterov;
    }

    @Override
    public String name() {
        return "SGD";
    }

    @Override
    public List<String> slotNames() {
        return momentum == 0 ? List.of() : List.of("momentum");
    }

    @Override
    protected void update(float[] w, float[] g, float[][] slots, int n, long step, double learningRate) {
        float lr = (float) learningRate;
        if (momentum == 0) {
            for (int i = 0; i < n; i++) {
                w[i] -= lr * g[i];
            }
            return;
        }
        float mu = (float) momentum;
        float[] m = slots[0];
        if (nesterov) {
            for (int i = 0; i < n; i++) {
                m[i] = mu * m[i] - lr * g[i];
                w[i] += mu * m[i] - lr * g[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                m[i] = mu * m[i] - lr * g[i];
                w[i] += m[i];
            }
        }
    }
}
