package io.github.keras4j.optimizers.schedules;

/**
 * Exponential decay (Keras' {@code ExponentialDecay}):
 * <pre>
 * p = step / decaySteps            // floor(step / decaySteps) when staircase
 * lr(step) = initialLearningRate * decayRate^p
 * </pre>
 * e.g. {@code new ExponentialDecay(0.1, 100000, 0.96)} multiplies the rate by 0.96 every 100,000 steps, smoothly
 * or, with {@code staircase}, in jumps. Default: staircase {@value #DEFAULT_STAIRCASE}.
 *
 * @param decaySteps steps over which the rate is multiplied by {@code decayRate}, > 0 (Keras allows a float)
 */
public record ExponentialDecay(double initialLearningRate, double decaySteps, double decayRate, boolean staircase)
        implements LearningRateSchedule {
    public static final boolean DEFAULT_STAIRCASE = false;

    public ExponentialDecay {
        ScheduleChecks.rate("ExponentialDecay", "initialLearningRate", initialLearningRate);
        ScheduleChecks.steps("ExponentialDecay", "decaySteps", decaySteps, "new ExponentialDecay(0.1, 1000, 0.96)");
        ScheduleChecks.nonNegative("ExponentialDecay", "decayRate", decayRate,
                "It is the factor the rate is multiplied by every decaySteps steps, such as 0.96.");
    }

    public ExponentialDecay(double initialLearningRate, double decaySteps, double decayRate) {
        this(initialLearningRate, decaySteps, decayRate, DEFAULT_STAIRCASE);
    }

    @Override
    public double learningRate(long step) {
        double p = step / decaySteps;
        if (staircase) {
            p = Math.floor(p);
        }
        return initialLearningRate * Math.pow(decayRate, p);
    }
}
