package io.github.keras4j.optimizers;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.layers.Parameter;

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
 * <p>Updates run in float32 arithmetic on float32 slots, as Keras' do. Why not double like the rest of
 * the engine's elementwise math: optimizers touch every weight on every step, and on JDK 17 a loop that
 * converts between float and double is not vectorised; staging a 784x64 kernel through double arrays
 * made an Adam step about ten times slower than updating it as floats. Float64 parameters (used for
 * gradient checks) are updated through the same float32 rule.
 */
public abstract class Optimizer {
    private double learningRate;
    private long iterations;
    private final Map<Parameter, float[][]> slots = new IdentityHashMap<>();
    private float[] weights = new float[0];
    private float[] gradients = new float[0];

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
    protected abstract void update(float[] w, float[] g, float[][] slots, int n, long step);

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
        for (int k = 0; k < parameters.size(); k++) { // indexed: no iterator garbage per step
            Parameter p = parameters.get(k);
            int n = (int) p.size();
            if (weights.length < n) {
                weights = new float[n];
                gradients = new float[n];
            }
            NativeMemory.readFloats(p.value(), weights);
            NativeMemory.readFloats(p.gradient(), gradients);
            update(weights, gradients, slotsOf(p), n, iterations);
            NativeMemory.writeFloats(weights, p.value());
        }
    }

    /**
     * The slots of {@code p} (created with their initial value if absent), in {@link #slotNames()} order.
     * Slots are float32, as Keras keeps them, so a saved optimizer state restores exactly.
     */
    public float[][] slotsOf(Parameter p) {
        float[][] s = slots.get(p); // a plain lookup first: computeIfAbsent would allocate a lambda every step
        if (s == null) {
            s = new float[slotNames().size()][(int) p.size()];
            for (int i = 0; i < s.length; i++) {
                Arrays.fill(s[i], initialSlotValue(i));
            }
            slots.put(p, s);
        }
        return s;
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
    protected float initialSlotValue(int slot) {
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
    /**
     * The class and its hyperparameters, e.g. {@code Adam(learningRate=0.001, beta1=0.9, beta2=0.999, epsilon=1.0E-7)}:
     * the learning rate, then the final fields of plain values the subclasses declare, in declaration order (read
     * reflectively, so a new hyperparameter shows without each optimizer writing its own {@code toString}).
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append("(learningRate=").append(learningRate);
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = getClass(); c != Optimizer.class; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        for (Class<?> c : chain) {
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                int mod = f.getModifiers();
                Class<?> t = f.getType();
                boolean plain = t.isPrimitive() || t == String.class || Number.class.isAssignableFrom(t) || t == Boolean.class;
                if (java.lang.reflect.Modifier.isStatic(mod) || !java.lang.reflect.Modifier.isFinal(mod) || !plain) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    sb.append(", ").append(f.getName()).append('=').append(f.get(this));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    sb.append(", ").append(f.getName()).append("=?");
                }
            }
        }
        return sb.append(')').toString();
    }
}
