package io.github.keras4j.optimizers;

import io.github.keras4j.optimizers.schedules.LearningRateSchedule;

/**
 * AdamW (Loshchilov and Hutter, "Decoupled Weight Decay Regularization"), as Keras defines it: {@link Adam}
 * whose weight decay is on by default. Before each Adam update every parameter not excluded shrinks:
 * <pre>
 * w = w - w * weightDecay * lr              // then Adam's update of w from g
 * </pre>
 * Defaults, as in Keras: learning rate {@value Adam#DEFAULT_LEARNING_RATE}, weight decay
 * {@value #DEFAULT_WEIGHT_DECAY}, beta1 {@value Adam#DEFAULT_BETA_1}, beta2 {@value Adam#DEFAULT_BETA_2},
 * epsilon {@value Adam#DEFAULT_EPSILON}, amsgrad {@value Adam#DEFAULT_AMSGRAD}. Keras excludes no parameter
 * from the decay by default; {@code excludeFromWeightDecay("bias")} exempts the biases.
 */
public final class AdamW extends Adam {
    public static final double DEFAULT_WEIGHT_DECAY = 0.004;

    public AdamW() {
        this(DEFAULT_LEARNING_RATE);
    }

    public AdamW(double learningRate) {
        this(learningRate, DEFAULT_WEIGHT_DECAY, DEFAULT_BETA_1, DEFAULT_BETA_2, DEFAULT_EPSILON, DEFAULT_AMSGRAD);
    }

    /** Keras' defaults, with the learning rate given by {@code learningRate} at every step. */
    public AdamW(LearningRateSchedule learningRate) {
        this();
        setLearningRate(learningRate);
    }

    /** Keras' argument order: {@code AdamW(learning_rate, weight_decay, beta_1, beta_2, epsilon, amsgrad)}. */
    public AdamW(double learningRate, double weightDecay, double beta1, double beta2, double epsilon, boolean amsgrad) {
        super(learningRate, beta1, beta2, epsilon, amsgrad);
        weightDecay(weightDecay);
    }

    @Override
    public String name() {
        return "adamw";
    }

    /** As {@link Optimizer#weightDecay(Double)}, but never null: Keras' AdamW requires a weight decay. */
    @Override
    public AdamW weightDecay(Double weightDecay) {
        if (weightDecay == null) {
            throw new IllegalArgumentException("AdamW needs a weight decay (a finite number >= 0), got null; Keras' default is "
                    + DEFAULT_WEIGHT_DECAY + ". For Adam without weight decay use new Adam().");
        }
        super.weightDecay(weightDecay);
        return this;
    }
}
