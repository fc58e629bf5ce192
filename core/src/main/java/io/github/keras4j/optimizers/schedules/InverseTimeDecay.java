package io.github.keras4j.optimizers.schedules;

/**
 * Inverse time decay (Keras' {@code InverseTimeDecay}):
 * <pre>
 * p = step / decaySteps            // floor(step / decaySteps) when staircase
 * lr(step) = initialLearningRate / (1 + decayRate * p)
 * </pre>
 * e.g. {@code new InverseTimeDecay(0.1, 1, 0.5)} gives 0.1 / (1 + 0.5 step). Default: staircase
 * {@value #DEFAULT_STAIRCASE}.
 */
public record InverseTimeDecay(double initialLearningRate, double decaySteps, double decayRate, boolean staircase)
        implements LearningRateSchedule {
    public static final boolean DEFAULT_STAIRCASE = false;

    public InverseTimeDecay {
        ScheduleChecks.rate("InverseTimeDecay", "initialLearningRate", initialLearningRate);
        ScheduleChecks.steps("InverseTimeDecay", "decaySteps", decaySteps, "new InverseTimeDecay(0.1, 1000, 0.5)");
        ScheduleChecks.nonNegative("InverseTimeDecay", "decayRate", decayRate,
                "It says how fast the rate falls: after decaySteps steps it is initialLearningRate / (1 + decayRate).");
    }

    public InverseTimeDecay(double initialLearningRate, double decaySteps, double decayRate) {
        this(initialLearningRate, decaySteps, decayRate, DEFAULT_STAIRCASE);
    }

    @Override
    public double learningRate(long step) {
        double p = step / decaySteps;
        if (staircase) {
            p = Math.floor(p);
        }
        return initialLearningRate / (1 + decayRate * p);
    }
}
