package io.github.keras4j.optimizers;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.layers.Parameter;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bookkeeping every optimizer shares (Keras' {@code keras.optimizers.Optimizer}): the learning rate,
 * the step count ({@code iterations}) and per-parameter slots (momentum, velocity ...) created lazily on
 * the first step. Subclasses write only their update rule.
 *
 * <p>Slots of float32 parameters are kept at float32 precision, as Keras keeps them, so that saving and
 * loading the optimizer state resumes training bit for bit.
 */
public abstract class Optimizer {
    private double learningRate;
    private long iterations;
    private final Map<Parameter, double[][]> slots = new IdentityHashMap<>();
    private double[] weights = new double[0];
    private double[] gradients = new double[0];

    protected Optimizer(double learningRate) {
        setLearningRate(learningRate);
    }

    /**
     * Keras' default name for the optimizer (the {@code name} in its saved config): {@code "SGD"},
     * {@code "adam"}, {@code "rmsprop"}, {@code "adagrad"}. Error messages name the class instead.
     */
    public abstract String name();

    /** The names of the per-parameter slots, in Keras' order (e.g. momentum, velocity). */
    public abstract List<String> slotNames();

    /**
     * Updates {@code w} in place from gradient {@code g}; {@code slots[k]} holds slot k for this parameter;
     * {@code step} is 1 on the first update.
     */
    protected abstract void update(double[] w, double[] g, double[][] slots, int n, long step);

    public double learningRate() {
        return learningRate;
    }

    /** Changes the learning rate; takes effect at the next step (schedules and callbacks use this). */
    public void setLearningRate(double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " learning rate must be a finite number > 0, got " + learningRate
                    + ". Use a small positive rate such as 0.01 (SGD) or 0.001 (Adam, RMSprop).");
        }
        this.learningRate = learningRate;
    }

    /** Number of steps taken (Keras' {@code optimizer.iterations}). */
    public long iterations() {
        return iterations;
    }

    /** Restores the step count, e.g. when loading a saved optimizer. */
    public void setIterations(long iterations) {
        if (iterations < 0) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " iterations must be >= 0, got " + iterations + ".");
        }
        this.iterations = iterations;
    }

    /** One step over all {@code parameters}, reading their gradients and updating their values in place. */
    public void apply(List<Parameter> parameters) {
        iterations++;
        for (Parameter p : parameters) {
            int n = (int) p.size();
            if (weights.length < n) {
                weights = new double[n];
                gradients = new double[n];
            }
            NativeMemory.read(p.value(), weights);
            NativeMemory.read(p.gradient(), gradients);
            double[][] s = slotsOf(p);
            update(weights, gradients, s, n, iterations);
            if (p.value().dataType() == DataType.FLOAT) {
                for (double[] slot : s) {
                    for (int i = 0; i < n; i++) {
                        slot[i] = (float) slot[i];
                    }
                }
            }
            NativeMemory.write(weights, p.value());
        }
    }

    /**
     * The slots of {@code p} (created, zero or initial-valued, if absent), in {@link #slotNames()} order.
     * A float32 parameter's slots start at the float32 value of the initial value, as Keras' do.
     */
    public double[][] slotsOf(Parameter p) {
        return slots.computeIfAbsent(p, k -> {
            boolean float32 = k.value().dataType() == DataType.FLOAT;
            double[][] s = new double[slotNames().size()][(int) k.size()];
            for (int i = 0; i < s.length; i++) {
                double initial = initialSlotValue(i);
                Arrays.fill(s[i], float32 ? (float) initial : initial);
            }
            return s;
        });
    }

    /** True once {@code p} has slots, i.e. after its first step. */
    public boolean hasSlots(Parameter p) {
        return slots.containsKey(p);
    }

    /** The parameters with slots, in no particular order. */
    public List<Parameter> slottedParameters() {
        return Collections.unmodifiableList(new ArrayList<>(slots.keySet()));
    }

    /** The value a new slot starts with (Adagrad's accumulator starts above zero). */
    protected double initialSlotValue(int slot) {
        return 0;
    }

    /** Forgets all slots and the step count. */
    public void reset() {
        slots.clear();
        iterations = 0;
    }

    /**
     * Checks a hyperparameter in [0, 1] or [0, 1) (momentum, betas, rho), echoing the value and the
     * Keras default to use instead.
     */
    protected static double unitInterval(String name, double value, boolean includeOne, double kerasDefault) {
        if (!(value >= 0 && (includeOne ? value <= 1 : value < 1))) {
            throw new IllegalArgumentException(name + " must be in [0, 1" + (includeOne ? "]" : ")") + ", got " + value
                    + ". Keras' default is " + kerasDefault + ".");
        }
        return value;
    }

    /** Checks a strictly positive hyperparameter (epsilon), echoing the value and the Keras default. */
    protected static double positive(String name, double value, double kerasDefault) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, got " + value
                    + ". Keras' default is " + kerasDefault + ".");
        }
        return value;
    }

    /** Checks a hyperparameter that may be zero (Adagrad's initial accumulator), echoing the value. */
    protected static double nonNegative(String name, double value, double kerasDefault) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + value
                    + ". Keras' default is " + kerasDefault + ".");
        }
        return value;
    }
}
