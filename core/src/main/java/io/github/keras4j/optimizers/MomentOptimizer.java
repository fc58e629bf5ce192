package io.github.keras4j.optimizers;

/**
 * The hyperparameters Adam and its variants share (Keras' {@code beta_1}, {@code beta_2}, {@code epsilon}):
 * the decay rates of the first- and second-moment estimates and the constant added to the denominator. Checked
 * once here; each subclass writes its update rule.
 */
abstract class MomentOptimizer extends Optimizer {
    private final double beta1;
    private final double beta2;
    private final double epsilon;

    /** @param beta2MayBeOne Adamax's infinity norm allows beta2 = 1; Adam's bias correction divides by 1 - beta2^t */
    MomentOptimizer(double learningRate, double beta1, double beta2, double epsilon, boolean beta2MayBeOne) {
        super(learningRate);
        String owner = getClass().getSimpleName();
        this.beta1 = unitInterval(owner + " beta1", beta1, false, Adam.DEFAULT_BETA_1);
        this.beta2 = unitInterval(owner + " beta2", beta2, beta2MayBeOne, Adam.DEFAULT_BETA_2);
        this.epsilon = positive(owner + " epsilon", epsilon, Adam.DEFAULT_EPSILON);
    }

    /** Keras' {@code beta_1}: the decay rate of the first-moment (momentum) estimate. */
    public double beta1() {
        return beta1;
    }

    /** Keras' {@code beta_2}: the decay rate of the second-moment (velocity, or Adamax's norm) estimate. */
    public double beta2() {
        return beta2;
    }

    /** Keras' {@code epsilon}, added to the denominator for numerical stability. */
    public double epsilon() {
        return epsilon;
    }
}
