package io.github.keras4j.optimizers;

import io.github.keras4j.optimizers.schedules.LearningRateSchedule;

import java.util.ArrayList;
import java.util.List;

/**
 * RMSprop, as Keras computes it (epsilon inside the square root; plain, not Nesterov, momentum). Slots,
 * all starting at 0: {@code v} (velocity), {@code m} (momentum, only when momentum > 0) and {@code mg}
 * (average_gradient, only when centered):
 * <pre>
 * v = rho * v + (1 - rho) * g^2
 * if centered:  mg = rho * mg + (1 - rho) * g
 *               denominator = v - mg^2 + epsilon
 * else:         denominator = v + epsilon
 * increment = lr * g / sqrt(denominator)
 * if momentum > 0:  m = momentum * m + increment
 *                   w -= m
 * else:             w -= increment
 * </pre>
 * Defaults, as in Keras: learning rate {@value #DEFAULT_LEARNING_RATE}, rho {@value #DEFAULT_RHO},
 * momentum {@value #DEFAULT_MOMENTUM}, epsilon {@value #DEFAULT_EPSILON}, centered {@value #DEFAULT_CENTERED}.
 * Rho must lie in [0, 1) (at 1 the velocity never leaves 0) and momentum in [0, 1].
 */
public final class RMSprop extends Optimizer {
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    public static final double DEFAULT_RHO = 0.9;
    public static final double DEFAULT_MOMENTUM = 0.0;
    public static final double DEFAULT_EPSILON = 1e-7;
    public static final boolean DEFAULT_CENTERED = false;

    private final double rho;
    private final double momentum;
    private final double epsilon;
    private final boolean centered;

    public RMSprop() {
        this(DEFAULT_LEARNING_RATE);
    }

    public RMSprop(double learningRate) {
        this(learningRate, DEFAULT_RHO, DEFAULT_MOMENTUM, DEFAULT_EPSILON, DEFAULT_CENTERED);
    }

    /** Keras' defaults, with the learning rate given by {@code learningRate} at every step. */
    public RMSprop(LearningRateSchedule learningRate) {
        this();
        setLearningRate(learningRate);
    }

    public RMSprop(double learningRate, double rho, double momentum, double epsilon, boolean centered) {
        super(learningRate);
        this.rho = unitInterval("RMSprop rho", rho, false, DEFAULT_RHO);
        this.momentum = unitInterval("RMSprop momentum", momentum, true, DEFAULT_MOMENTUM);
        this.epsilon = positive("RMSprop epsilon", epsilon, DEFAULT_EPSILON);
        this.centered = centered;
    }

    public double rho() {
        return rho;
    }

    public double momentum() {
        return momentum;
    }

    public double epsilon() {
        return epsilon;
    }

    public boolean centered() {
        return centered;
    }

    @Override
    public String name() {
        return "rmsprop";
    }

    @Override
    public List<String> slotNames() {
        List<String> names = new ArrayList<>(List.of("velocity"));
        if (momentum > 0) {
            names.add("momentum");
        }
        if (centered) {
            names.add("average_gradient");
        }
        return List.copyOf(names);
    }

    @Override
    protected void update(float[] w, float[] g, float[][] slots, int n, long step, double learningRate) {
        float lr = (float) learningRate;
        float r = (float) rho;
        float oneMinusRho = (float) (1 - rho);
        float mu = (float) momentum;
        float eps = (float) epsilon;
        float[] v = slots[0];
        float[] m = momentum > 0 ? slots[1] : null;
        float[] mg = centered ? slots[momentum > 0 ? 2 : 1] : null;
        for (int i = 0; i < n; i++) {
            float gi = g[i];
            v[i] = r * v[i] + oneMinusRho * (gi * gi);
            float denominator;
            if (centered) {
                mg[i] = r * mg[i] + oneMinusRho * gi;
                denominator = v[i] - mg[i] * mg[i] + eps;
            } else {
                denominator = v[i] + eps;
            }
            float increment = lr * gi / (float) Math.sqrt(denominator);
            if (m != null) {
                m[i] = mu * m[i] + increment;
                w[i] -= m[i];
            } else {
                w[i] -= increment;
            }
        }
    }
}
