package io.github.keras4j.callbacks;

import io.github.keras4j.optimizers.Optimizer;

import java.util.Map;
import java.util.Objects;

/**
 * Sets the optimizer's learning rate at the start of every epoch from a schedule (Keras'
 * {@code LearningRateScheduler}), e.g. {@code new LearningRateScheduler((epoch, lr) -> epoch < 10 ? lr : lr * 0.9)}.
 * At each epoch end it records the rate in the logs under {@value #LOG_KEY}, as tf.keras 2 does.
 */
public class LearningRateScheduler extends Callback {
    /** The log entry holding the learning rate at the end of each epoch. */
    public static final String LOG_KEY = "lr";

    /** The schedule: the learning rate for {@code epoch} (from 0), given the current one. */
    @FunctionalInterface
    public interface Schedule {
        double learningRate(int epoch, double currentLearningRate);
    }

    private final Schedule schedule;
    private final int verbose;

    public LearningRateScheduler(Schedule schedule) {
        this(schedule, 0);
    }

    /** @param verbose 1 prints the new rate at the start of every epoch */
    public LearningRateScheduler(Schedule schedule, int verbose) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.verbose = verbose;
    }

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
        Optimizer optimizer = optimizer(model(), "LearningRateScheduler");
        double lr = schedule.learningRate(epoch, optimizer.learningRate());
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("LearningRateScheduler: the schedule returned " + lr + " for epoch " + epoch
                    + "; a learning rate must be a finite number > 0.");
        }
        optimizer.setLearningRate(lr);
        if (verbose > 0) {
            System.out.println(System.lineSeparator() + "Epoch " + (epoch + 1) + ": LearningRateScheduler setting learning rate to " + lr + ".");
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        logs.put(LOG_KEY, optimizer(model(), "LearningRateScheduler").learningRate());
    }

    /** The compiled model's optimizer, or a clear error when there is none. */
    static Optimizer optimizer(io.github.keras4j.models.Sequential model, String owner) {
        Optimizer optimizer = model == null ? null : model.optimizer();
        if (optimizer == null) {
            throw new IllegalStateException(owner + " needs a compiled model with an optimizer; call compile(...) before fit.");
        }
        return optimizer;
    }
}
