package io.github.keras4j.callbacks;

import io.github.keras4j.optimizers.Optimizer;

import java.util.Map;
import java.util.Objects;

/**
 * Sets the optimizer's learning rate at the start of every epoch from a schedule (Keras'
 * {@code LearningRateScheduler}), e.g. {@code new LearningRateScheduler((epoch, lr) -> epoch < 10 ? lr : lr * 0.9)}.
 * At each epoch end it records the rate in the logs under {@value #LOG_KEY}, as tf.keras 2 does.
 *
 * <p>An optimizer whose learning rate comes from a {@link io.github.keras4j.optimizers.schedules.LearningRateSchedule}
 * cannot take a rate from this callback: Keras fails when the callback sets it (a TypeError at the first epoch);
 * keras4j fails the same way, with an {@link IllegalStateException} from {@code fit} before the first epoch.
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
    public void onTrainBegin(Map<String, Double> logs) {
        requireSettableRate(optimizer(model(), "LearningRateScheduler"), "LearningRateScheduler");
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

    /** Fails when the optimizer's rate comes from a schedule, which a callback cannot change (Keras' TypeError). */
    static void requireSettableRate(Optimizer optimizer, String owner) {
        if (optimizer.learningRateSchedule() != null) {
            String type = optimizer.getClass().getSimpleName();
            throw new IllegalStateException(owner + " cannot change the learning rate of " + type + ": it comes from the schedule "
                    + optimizer.learningRateSchedule().getClass().getSimpleName() + ". Use the schedule or the callback, not both: "
                    + "to let the callback set the rate, create the optimizer with a number, e.g. new " + type + "(0.001).");
        }
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
