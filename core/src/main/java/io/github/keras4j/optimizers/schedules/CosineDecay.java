package io.github.keras4j.optimizers.schedules;

/**
 * Cosine decay with an optional linear warmup (Keras 3's {@code CosineDecay}, after Loshchilov and Hutter's
 * SGDR). Without a warmup target the rate falls from {@code initialLearningRate} to
 * {@code initialLearningRate * alpha} over {@code decaySteps} steps; with one, it first rises linearly from
 * {@code initialLearningRate} to {@code warmupTarget} over {@code warmupSteps} steps, then falls from
 * {@code warmupTarget} to {@code warmupTarget * alpha}:
 * <pre>
 * decayed(f) = (1 - alpha) * 0.5 * (1 + cos(pi * f)) + alpha
 * no warmup:  lr(step) = initialLearningRate * decayed(min(step, decaySteps) / decaySteps)
 * warmup:     s = min(step, warmupSteps + decaySteps)
 *             s &lt; warmupSteps:  lr = (warmupTarget - initialLearningRate) * s / warmupSteps + initialLearningRate
 *             otherwise:        lr = warmupTarget * decayed((s - warmupSteps) / decaySteps)
 * </pre>
 * Defaults, as in Keras: alpha {@value #DEFAULT_ALPHA}, no warmup target, warmup steps
 * {@value #DEFAULT_WARMUP_STEPS}. Keras' warmup example: {@code new CosineDecay(0, 1000).withWarmup(0.1, 1000)}.
 *
 * @param warmupTarget the rate the warmup reaches, or null for no warmup (Keras' None)
 */
public record CosineDecay(double initialLearningRate, double decaySteps, double alpha, Double warmupTarget, double warmupSteps)
        implements LearningRateSchedule {
    public static final double DEFAULT_ALPHA = 0.0;
    public static final double DEFAULT_WARMUP_STEPS = 0;

    public CosineDecay {
        ScheduleChecks.rate("CosineDecay", "initialLearningRate", initialLearningRate);
        ScheduleChecks.steps("CosineDecay", "decaySteps", decaySteps, "new CosineDecay(0.1, 1000)");
        ScheduleChecks.nonNegative("CosineDecay", "alpha", alpha,
                "It is the final rate as a fraction of the rate the decay starts from, such as 0.0 or 0.1.");
        if (warmupTarget != null) {
            ScheduleChecks.rate("CosineDecay", "warmupTarget", warmupTarget);
        }
        ScheduleChecks.nonNegative("CosineDecay", "warmupSteps", warmupSteps, "It is a number of optimizer steps, such as 1000.");
    }

    public CosineDecay(double initialLearningRate, double decaySteps) {
        this(initialLearningRate, decaySteps, DEFAULT_ALPHA);
    }

    public CosineDecay(double initialLearningRate, double decaySteps, double alpha) {
        this(initialLearningRate, decaySteps, alpha, null, DEFAULT_WARMUP_STEPS);
    }

    /** This schedule with a linear warmup from {@code initialLearningRate} to {@code target} over {@code steps} steps. */
    public CosineDecay withWarmup(double target, double steps) {
        return new CosineDecay(initialLearningRate, decaySteps, alpha, target, steps);
    }

    @Override
    public double learningRate(long step) {
        if (warmupTarget == null) {
            return initialLearningRate * decayed(Math.min(step, decaySteps) / decaySteps);
        }
        double s = Math.min(step, warmupSteps + decaySteps);
        if (s < warmupSteps) {
            return (warmupTarget - initialLearningRate) * (s / warmupSteps) + initialLearningRate;
        }
        return warmupTarget * decayed((s - warmupSteps) / decaySteps);
    }

    private double decayed(double completedFraction) {
        double cosineDecayed = 0.5 * (1 + Math.cos(Math.PI * completedFraction));
        return (1 - alpha) * cosineDecayed + alpha;
    }
}
