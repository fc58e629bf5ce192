package io.github.keras4j.callbacks;

import io.github.keras4j.models.NonFiniteWeights;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;

/**
 * Stops training when a monitored quantity has stopped improving (Keras' {@code EarlyStopping}).
 *
 * <p>At each epoch end from {@code startFromEpoch} on: a value better than the best so far by more than
 * {@code minDelta} becomes the best and resets the wait (when it also beats {@code baseline}, if given);
 * otherwise, once {@code patience} epochs passed without improvement (and after the first epoch),
 * training stops. With {@code restoreBestWeights} the weights of the best epoch are put back when
 * training ends, whether or not it stopped early (Keras 3's behaviour).
 *
 * <p>Defaults as in Keras: monitor {@value #DEFAULT_MONITOR}, minDelta {@value #DEFAULT_MIN_DELTA},
 * patience {@value #DEFAULT_PATIENCE}, mode {@value #DEFAULT_MODE}, no baseline, restoreBestWeights
 * false, startFromEpoch 0, verbose 0. Configure with the fluent setters, e.g.
 * {@code new EarlyStopping("val_loss", 3).restoreBestWeights(true)}.
 */
public class EarlyStopping extends Callback {
    public static final String DEFAULT_MONITOR = "val_loss";
    public static final double DEFAULT_MIN_DELTA = 0;
    public static final int DEFAULT_PATIENCE = 0;
    public static final String DEFAULT_MODE = "auto";

    private String monitorName = DEFAULT_MONITOR;
    private String mode = DEFAULT_MODE;
    private double minDelta = DEFAULT_MIN_DELTA;
    private int patience = DEFAULT_PATIENCE;
    private Double baseline;
    private boolean restoreBestWeights;
    private int startFromEpoch;
    private int verbose;

    private Monitor monitor;
    private int wait;
    private int stoppedEpoch;
    private Double best;
    private int bestEpoch;
    private List<INDArray> bestWeights;

    public EarlyStopping() {
    }

    public EarlyStopping(String monitor, int patience) {
        monitor(monitor).patience(patience);
    }

    public EarlyStopping monitor(String monitor) {
        new Monitor("EarlyStopping", monitor, mode, minDelta); // validates
        this.monitorName = monitor;
        return this;
    }

    public EarlyStopping minDelta(double minDelta) {
        new Monitor("EarlyStopping", monitorName, mode, Math.abs(minDelta));
        this.minDelta = Math.abs(minDelta); // Keras takes the magnitude
        return this;
    }

    public EarlyStopping patience(int patience) {
        if (patience < 0) {
            throw new IllegalArgumentException("EarlyStopping patience is a number of epochs >= 0, got " + patience);
        }
        this.patience = patience;
        return this;
    }

    /** {@code "auto"}, {@code "min"} or {@code "max"}. */
    public EarlyStopping mode(String mode) {
        new Monitor("EarlyStopping", monitorName, mode, minDelta);
        this.mode = mode;
        return this;
    }

    /** A value the monitored quantity must beat for the wait to reset. */
    public EarlyStopping baseline(double baseline) {
        this.baseline = baseline;
        return this;
    }

    public EarlyStopping restoreBestWeights(boolean restoreBestWeights) {
        this.restoreBestWeights = restoreBestWeights;
        return this;
    }

    /** Epochs to ignore at the start (warm-up) before monitoring. */
    public EarlyStopping startFromEpoch(int startFromEpoch) {
        if (startFromEpoch < 0) {
            throw new IllegalArgumentException("EarlyStopping startFromEpoch must be >= 0, got " + startFromEpoch);
        }
        this.startFromEpoch = startFromEpoch;
        return this;
    }

    /** 1 prints a line when it stops and when it restores weights. */
    public EarlyStopping verbose(int verbose) {
        this.verbose = verbose;
        return this;
    }

    /** The epoch (from 0) at which it stopped training, or 0 if it did not. */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }

    /** The epoch (from 0) with the best monitored value. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The best monitored value, or null before any. */
    public Double best() {
        return best;
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        monitor = new Monitor("EarlyStopping", monitorName, mode, minDelta);
        wait = 0;
        stoppedEpoch = 0;
        best = null;
        bestEpoch = 0;
        bestWeights = null;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        Double current = monitor.value("EarlyStopping", logs);
        if (current == null || epoch < startFromEpoch) {
            return;
        }
        if (restoreBestWeights && bestWeights == null) {
            bestWeights = model().getWeights(); // if nothing ever improves, these are the best
            bestEpoch = epoch;
        }
        wait++;
        if (monitor.isImprovement(current, best)) {
            best = current;
            bestEpoch = epoch;
            if (restoreBestWeights) {
                bestWeights = model().getWeights();
            }
            if (baseline == null || monitor.isImprovement(current, baseline)) {
                wait = 0;
            }
            return;
        }
        if (wait >= patience && epoch > 0) {
            stoppedEpoch = epoch;
            model().stopTraining(true);
        }
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        if (stoppedEpoch > 0 && verbose > 0) {
            System.out.println("Epoch " + (stoppedEpoch + 1) + ": early stopping");
        }
        if (restoreBestWeights && bestWeights != null) {
            if (verbose > 0) {
                System.out.println("Restoring model weights from the end of the best epoch: " + (bestEpoch + 1) + ".");
            }
            model().setWeights(bestWeights, NonFiniteWeights.ALLOW); // the model's own weights of an earlier epoch
        }
    }
}
