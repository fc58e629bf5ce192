package io.github.keras4j.optimizers.schedules;

import java.util.Arrays;
import java.util.List;

/**
 * A piecewise constant rate (Keras' {@code PiecewiseConstantDecay}): {@code values[0]} while
 * {@code step <= boundaries[0]}, {@code values[i]} while {@code boundaries[i-1] < step <= boundaries[i]}, and
 * the last value after the last boundary. e.g. {@code new PiecewiseConstantDecay(new long[] {100000, 110000},
 * new double[] {1.0, 0.5, 0.1})} is 1.0 for the first 100,001 steps, 0.5 for the next 10,000, then 0.1.
 *
 * <p>Boundaries must increase strictly, as Keras documents (Keras does not check it, and adds up the values of
 * overlapping ranges when they do not).
 */
public record PiecewiseConstantDecay(List<Long> boundaries, List<Double> values) implements LearningRateSchedule {
    public PiecewiseConstantDecay {
        boundaries = List.copyOf(boundaries);
        values = List.copyOf(values);
        if (boundaries.size() != values.size() - 1) {
            throw new IllegalArgumentException("PiecewiseConstantDecay needs one value more than boundaries, got "
                    + boundaries.size() + " boundaries " + boundaries + " and " + values.size() + " values " + values
                    + ": values[0] holds up to boundaries[0], values[i] after boundaries[i-1], the last value after the last boundary.");
        }
        for (int i = 1; i < boundaries.size(); i++) {
            if (boundaries.get(i) <= boundaries.get(i - 1)) {
                throw new IllegalArgumentException("PiecewiseConstantDecay boundaries must increase strictly, got " + boundaries + ".");
            }
        }
        for (double v : values) {
            ScheduleChecks.rate("PiecewiseConstantDecay", "values", v);
        }
    }

    public PiecewiseConstantDecay(long[] boundaries, double[] values) {
        this(Arrays.stream(boundaries).boxed().toList(), Arrays.stream(values).boxed().toList());
    }

    @Override
    public double learningRate(long step) {
        int i = 0;
        while (i < boundaries.size() && step > boundaries.get(i)) {
            i++;
        }
        return values.get(i);
    }
}
