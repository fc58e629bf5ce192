package io.github.keras4j.callbacks;

import io.github.keras4j.optimizers.Optimizer;

import java.util.Map;

/**
 * Multiplies the learning rate by {@code factor} when a monitored quantity has not improved for
 * {@code patience} epochs (Keras' {@code ReduceLROnPlateau}), never below {@code minLr}; after a
 * reduction it waits {@code cooldown} epochs before counting again. Records the rate in the logs under
 * {@value LearningRateScheduler#LOG_KEY}.
 *
 * <p>Defaults as in Keras: monitor {@value #DEFAULT_MONITOR}, factor {@value #DEFAULT_FACTOR}, patience
 * {@value #DEFAULT_PATIENCE}, mode {@value #DEFAULT_MODE}, minDelta {@value #DEFAULT_MIN_DELTA}, cooldown
 * {@value #DEFAULT_COOLDOWN}, minLr {@value #DEFAULT_MIN_LR}.
 *
 * <p>An optimizer whose learning rate comes from a {@link io.github.keras4j.optimizers.schedules.LearningRateSchedule}
 * cannot be slowed down by this callback. Keras fails only when it first tries to reduce the rate, possibly after
 * hours of training; keras4j fails at once, with an {@link IllegalStateException} from {@code fit} before the first
 * epoch.
 */
public class ReduceLROnPlateau extends Callback {
    public static final String DEFAULT_MONITOR = "val_loss";
    public static final double DEFAULT_FACTOR = 0.1;
    public static final int DEFAULT_PATIENCE = 10;
    public static final String DEFAULT_MODE = "auto";
    public static final double DEFAULT_MIN_DELTA = 1e-4;
    public static final int DEFAULT_COOLDOWN = 0;
    public static final double DEFAULT_MIN_LR = 0;

    private String monitorName = DEFAULT_MONITOR;
    private double factor = DEFAULT_FACTOR;
    private int patience = DEFAULT_PATIENCE;
    private String mode = DEFAULT_MODE;
    private double minDelta = DEFAULT_MIN_DELTA;
    private int cooldown = DEFAULT_COOLDOWN;
    private double minLr = DEFAULT_MIN_LR;
    private int verbose;

    private Monitor monitor;
    private Double best;
    private int wait;
    private int cooldownCounter;

    public ReduceLROnPlateau() {
    }

    public ReduceLROnPlateau(String monitor, double factor, int patience) {
        monitor(monitor).factor(factor).patience(patience);
    }

    public ReduceLROnPlateau monitor(String monitor) {
        new Monitor("ReduceLROnPlateau", monitor, mode, minDelta);
        this.monitorName = monitor;
        return this;
    }

    /** The factor in (0, 1) the learning rate is multiplied by. */
    public ReduceLROnPlateau factor(double factor) {
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("ReduceLROnPlateau factor must be in (0, 1), got " + factor);
        }
        this.factor = factor;
        return this;
    }

    public ReduceLROnPlateau patience(int patience) {
        if (patience < 0) {
            throw new IllegalArgumentException("ReduceLROnPlateau patience is a number of epochs >= 0, got " + patience);
        }
        this.patience = patience;
        return this;
    }

    public ReduceLROnPlateau mode(String mode) {
        new Monitor("ReduceLROnPlateau", monitorName, mode, minDelta);
        this.mode = mode;
        return this;
    }

    public ReduceLROnPlateau minDelta(double minDelta) {
        new Monitor("ReduceLROnPlateau", monitorName, mode, minDelta);
        this.minDelta = minDelta;
        return this;
    }

    public ReduceLROnPlateau cooldown(int cooldown) {
        if (cooldown < 0) {
            throw new IllegalArgumentException("ReduceLROnPlateau cooldown is a number of epochs >= 0, got " + cooldown);
        }
        this.cooldown = cooldown;
        return this;
    }

    public ReduceLROnPlateau minLr(double minLr) {
        if (!(minLr >= 0) || Double.isInfinite(minLr)) {
            throw new IllegalArgumentException("ReduceLROnPlateau minLr must be a finite number >= 0, got " + minLr);
        }
        this.minLr = minLr;
        return this;
    }

    public ReduceLROnPlateau verbose(int verbose) {
        this.verbose = verbose;
        return this;
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        LearningRateScheduler.requireSettableRate(LearningRateScheduler.optimizer(model(), "ReduceLROnPlateau"), "ReduceLROnPlateau");
        monitor = new Monitor("ReduceLROnPlateau", monitorName, mode, minDelta);
        best = null;
        wait = 0;
        cooldownCounter = 0;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        Optimizer optimizer = LearningRateScheduler.optimizer(model(), "ReduceLROnPlateau");
        logs.put(LearningRateScheduler.LOG_KEY, optimizer.learningRate());
        Double current = monitor.value("ReduceLROnPlateau", logs);
        if (current == null) {
            return;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            wait = 0;
        }
        if (monitor.isImprovement(current, best)) {
            best = current;
            wait = 0;
        } else if (cooldownCounter == 0 && ++wait >= patience) {
            double old = optimizer.learningRate();
            if (old > (float) minLr) {
                double lr = Math.max(old * factor, minLr);
                if (lr > 0) {
                    optimizer.setLearningRate(lr);
                }
                if (verbose > 0) {
                    System.out.println(System.lineSeparator() + "Epoch " + (epoch + 1) + ": ReduceLROnPlateau reducing learning rate to " + lr + ".");
                }
                cooldownCounter = cooldown;
                wait = 0;
            }
        }
    }
}
