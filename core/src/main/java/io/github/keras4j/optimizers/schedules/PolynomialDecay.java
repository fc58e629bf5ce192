package io.github.keras4j.optimizers.schedules;

/**
 * Polynomial decay from {@code initialLearningRate} to {@code endLearningRate} over {@code decaySteps} steps
 * (Keras' {@code PolynomialDecay}):
 * <pre>
 * if cycle:  d = decaySteps * max(1, ceil(step / decaySteps))    // the first multiple of decaySteps >= step
 *            s = step
 * else:      d = decaySteps
 *            s = min(step, decaySteps)
 * lr(step) = (initialLearningRate - endLearningRate) * (1 - s / d)^power + endLearningRate
 * </pre>
 * Defaults, as in Keras: end learning rate {@value #DEFAULT_END_LEARNING_RATE}, power {@value #DEFAULT_POWER},
 * cycle {@value #DEFAULT_CYCLE}.
 */
public record PolynomialDecay(double initialLearningRate, double decaySteps, double endLearningRate, double power, boolean cycle)
        implements LearningRateSchedule {
    public static final double DEFAULT_END_LEARNING_RATE = 0.0001;
    public static final double DEFAULT_POWER = 1.0;
    public static final boolean DEFAULT_CYCLE = false;

    public PolynomialDecay {
        ScheduleChecks.rate("PolynomialDecay", "initialLearningRate", initialLearningRate);
        ScheduleChecks.steps("PolynomialDecay", "decaySteps", decaySteps, "new PolynomialDecay(0.1, 10000)");
        ScheduleChecks.rate("PolynomialDecay", "endLearningRate", endLearningRate);
        ScheduleChecks.nonNegative("PolynomialDecay", "power", power, "1.0 decays linearly, 0.5 as a square root.");
    }

    public PolynomialDecay(double initialLearningRate, double decaySteps) {
        this(initialLearningRate, decaySteps, DEFAULT_END_LEARNING_RATE);
    }

    public PolynomialDecay(double initialLearningRate, double decaySteps, double endLearningRate) {
        this(initialLearningRate, decaySteps, endLearningRate, DEFAULT_POWER, DEFAULT_CYCLE);
    }

    @Override
    public double learningRate(long step) {
        double s = step;
        double d = decaySteps;
        if (cycle) {
            // Keras: a multiplier of 1 at step 0, else ceil(step / decaySteps).
            d = decaySteps * (step == 0 ? 1 : Math.ceil(s / decaySteps));
        } else {
            s = Math.min(s, decaySteps);
        }
        return (initialLearningRate - endLearningRate) * Math.pow(1 - s / d, power) + endLearningRate;
    }
}
