package io.github.keras4j.optimizers;

import io.github.keras4j.optimizers.schedules.LearningRateSchedule;

import java.util.List;

/**
 * Adagrad, as Keras computes it (epsilon inside the square root). One slot, {@code accumulator},
 * starting at {@code initialAccumulatorValue}:
 * <pre>
 * accumulator += g^2
 * w -= lr * g / sqrt(accumulator + epsilon)
 * </pre>
 * Defaults, as in Keras: learning rate {@value #DEFAULT_LEARNING_RATE}, initial accumulator value
 * {@value #DEFAULT_INITIAL_ACCUMULATOR_VALUE}, epsilon {@value #DEFAULT_EPSILON}. Adagrad usually wants a
 * larger learning rate than its default; the original paper's form is learning rate 1.0.
 */
public final class Adagrad extends Optimizer {
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    public static final double DEFAULT_INITIAL_ACCUMULATOR_VALUE = 0.1;
    public static final double DEFAULT_EPSILON = 1e-7;

    private final double initialAccumulatorValue;
    private final double epsilon;

    public Adagrad() {
        this(DEFAULT_LEARNING_RATE);
    }

    public Adagrad(double learningRate) {
        this(learningRate, DEFAULT_INITIAL_ACCUMULATOR_VALUE, DEFAULT_EPSILON);
    }

    /** Keras' defaults, with the learning rate given by {@code learningRate} at every step. */
    public Adagrad(LearningRateSchedule learningRate) {
        this();
        setLearningRate(learningRate);
    }

    public Adagrad(double learningRate, double initialAccumulatorValue, double epsilon) {
        super(learningRate);
        this.initialAccumulatorValue = nonNegative("Adagrad initialAccumulatorValue", initialAccumulatorValue,
                DEFAULT_INITIAL_ACCUMULATOR_VALUE);
        this.epsilon = positive("Adagrad epsilon", epsilon, DEFAULT_EPSILON);
    }

    public double initialAccumulatorValue() {
        return initialAccumulatorValue;
    }

    public double epsilon() {
        return epsilon;
    }

    @Override
    public String name() {
        return "adagrad";
    }

    @Override
    public List<String> slotNames() {
        return List.of("accumulator");
    }

    @Override
    protected float initialSlotValue(int slot) {
        return (float) initialAccumulatorValue;
    }

    @Override
    protected void update(float[] w, float[] g, float[][] slots, int n, long step, double learningRate) {
        float lr = (float) learningRate;
        float eps = (float) epsilon;
        float[] accumulator = slots[0];
        for (int i = 0; i < n; i++) {
            float gi = g[i];
            accumulator[i] += gi * gi;
            w[i] -= lr * gi / (float) Math.sqrt(accumulator[i] + eps);
        }
    }
}
