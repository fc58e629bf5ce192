package io.github.keras4j.optimizers;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.layers.Parameter;
import io.github.keras4j.optimizers.schedules.LearningRateSchedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The bookkeeping every optimizer shares (Keras' {@code keras.optimizers.Optimizer}): the learning rate (a
 * number, or a {@link LearningRateSchedule} of the step count), the step count ({@code iterations}),
 * per-parameter slots (momentum, velocity ...) created lazily on the first step, and Keras' options for every
 * optimizer: gradient clipping ({@link #clipnorm(Double)}, {@link #clipvalue(Double)},
 * {@link #globalClipnorm(Double)}) and decoupled weight decay ({@link #weightDecay(Double)}). Subclasses
 * write only their update rule.
 *
 * <p>One step, in Keras' order ({@code BaseOptimizer.apply} in keras/src/optimizers/base_optimizer.py):
 * <pre>
 * lr = schedule ? schedule(iterations) : learningRate      // iterations = updates taken before this one
 * g  = clip(g)                          // at most one of clipnorm, global_clipnorm, clipvalue
 * w  = w - w * weightDecay * lr         // if weightDecay is set, for parameters not excluded
 * update(w, g, lr)                      // the subclass's rule, with step t = iterations + 1
 * iterations += 1
 * </pre>
 *
 * <p>Updates run in float32 arithmetic on float32 slots, as Keras' do. Why not double like the rest of
 * the engine's elementwise math: optimizers touch every weight on every step, and on JDK 17 a loop that
 * converts between float and double is not vectorised; staging a 784x64 kernel through double arrays
 * made an Adam step about ten times slower than updating it as floats. Float64 parameters (used for
 * gradient checks) are updated through the same float32 rule.
 */
public abstract class Optimizer {
    private double learningRate;
    private LearningRateSchedule schedule;
    private long iterations;
    private Double weightDecay;
    private Double clipnorm;
    private Double clipvalue;
    private Double globalClipnorm;
    private List<String> excludedFromWeightDecay = List.of();
    private Pattern exclusion;
    private final Map<Parameter, Boolean> decays = new IdentityHashMap<>();
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
     * {@code step} is 1 on the first update; {@code learningRate} is the rate of this step.
     */
    protected abstract void update(float[] w, float[] g, float[][] slots, int n, long step, double learningRate);

    /** Called once per step before any parameter is updated (Nadam advances its momentum product here). */
    protected void beginStep(long step) {
    }

    /** The learning rate of the next step: the number, or the schedule's rate at {@link #iterations()}. */
    public double learningRate() {
        return schedule == null ? learningRate : schedule.learningRate(iterations);
    }

    /** The schedule that gives the learning rate, or null when the rate is a number. */
    public LearningRateSchedule learningRateSchedule() {
        return schedule;
    }

    /**
     * Changes the learning rate; takes effect at the next step (callbacks use this). Like Keras, an optimizer
     * whose rate comes from a schedule refuses a number: the schedule would be lost silently otherwise.
     */
    public void setLearningRate(double learningRate) {
        if (schedule != null) {
            throw new IllegalStateException(getClass().getSimpleName() + "'s learning rate comes from the schedule "
                    + schedule.getClass().getSimpleName() + ", so it cannot be set to " + learningRate + ". Create the optimizer "
                    + "with a number as its learning rate to change it during training, or give it another schedule with "
                    + "setLearningRate(schedule).");
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " learning rate must be a finite number > 0, got " + learningRate
                    + ". Use a small positive rate such as 0.01 (SGD) or 0.001 (Adam, RMSprop).");
        }
        this.learningRate = learningRate;
    }

    /** Lets {@code schedule} give the learning rate from the next step on, as Keras' {@code optimizer.learning_rate = schedule}. */
    public void setLearningRate(LearningRateSchedule schedule) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
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

    /** Keras' {@code weight_decay}: null (Keras' None) for none. */
    public Double weightDecay() {
        return weightDecay;
    }

    /**
     * Decoupled weight decay (Keras' {@code weight_decay}): before each update, every parameter not excluded
     * shrinks by {@code w * weightDecay * lr}. Null turns it off.
     */
    public Optimizer weightDecay(Double weightDecay) {
        if (weightDecay != null && (!(weightDecay >= 0) || weightDecay.isInfinite())) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " weightDecay must be a finite number >= 0, or null for none, got "
                    + weightDecay + ". Keras' AdamW uses 0.004.");
        }
        this.weightDecay = weightDecay;
        return this;
    }

    /** The patterns of {@link #excludeFromWeightDecay(String...)}, empty when every parameter decays. */
    public List<String> excludedFromWeightDecay() {
        return excludedFromWeightDecay;
    }

    /**
     * Exempts from weight decay the parameters whose name ({@code dense_1/bias}) contains a match of one of
     * {@code patterns} (regular expressions, as Keras' {@code exclude_from_weight_decay(var_names=...)}); e.g.
     * {@code "bias"} exempts every bias. Replaces earlier exclusions; no argument exempts nothing. Keras excludes
     * nothing by default. Not part of a saved config, as in Keras.
     */
    public Optimizer excludeFromWeightDecay(String... patterns) {
        List<String> list = List.of(patterns);
        Pattern compiled;
        try {
            compiled = list.isEmpty() ? null : Pattern.compile(String.join("|", list));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " excludeFromWeightDecay takes regular expressions, but "
                    + list + " is not one: " + e.getDescription() + ". A plain name such as \"bias\" works.", e);
        }
        excludedFromWeightDecay = list;
        exclusion = compiled;
        decays.clear();
        return this;
    }

    /** Keras' {@code clipnorm}: null (Keras' None) for none. */
    public Double clipnorm() {
        return clipnorm;
    }

    /** Clips each parameter's gradient to L2 norm at most {@code clipnorm} (Keras' {@code clipnorm}); null turns it off. */
    public Optimizer clipnorm(Double clipnorm) {
        checkClip("clipnorm", clipnorm);
        this.clipnorm = clipnorm;
        return this;
    }

    /** Keras' {@code clipvalue}: null (Keras' None) for none. */
    public Double clipvalue() {
        return clipvalue;
    }

    /** Clips every gradient component into {@code [-clipvalue, clipvalue]} (Keras' {@code clipvalue}); null turns it off. */
    public Optimizer clipvalue(Double clipvalue) {
        checkClip("clipvalue", clipvalue);
        this.clipvalue = clipvalue;
        return this;
    }

    /** Keras' {@code global_clipnorm}: null (Keras' None) for none. */
    public Double globalClipnorm() {
        return globalClipnorm;
    }

    /**
     * Scales all gradients together so that their joint L2 norm is at most {@code globalClipnorm} (Keras'
     * {@code global_clipnorm}); null turns it off.
     */
    public Optimizer globalClipnorm(Double globalClipnorm) {
        checkClip("globalClipnorm", globalClipnorm);
        this.globalClipnorm = globalClipnorm;
        return this;
    }

    /** Keras allows one way of clipping at a time ("Only one of clipnorm, clipvalue and global_clipnorm can be set"). */
    private void checkClip(String option, Double value) {
        if (value == null) {
            return;
        }
        if (!(value > 0) || value.isInfinite()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " " + option + " must be a finite number > 0, or null for no clipping, got "
                    + value + ".");
        }
        String[] names = {"clipnorm", "clipvalue", "globalClipnorm"};
        Double[] values = {clipnorm, clipvalue, globalClipnorm};
        for (int i = 0; i < names.length; i++) {
            if (values[i] != null && !names[i].equals(option)) {
                throw new IllegalArgumentException(getClass().getSimpleName() + " clips gradients one way only, but " + names[i] + " is "
                        + values[i] + " and " + option + " would be " + value + ". Turn the other off first, e.g. " + names[i] + "(null).");
            }
        }
    }

    /** One step over all {@code parameters}, reading their gradients and updating their values in place. */
    public void apply(List<Parameter> parameters) {
        double lr = learningRate(); // before the step counts, as Keras evaluates its schedule at `iterations`
        long step = iterations + 1;
        float globalScale = globalClipnorm == null ? 1 : globalScale(parameters);
        beginStep(step);
        for (int k = 0; k < parameters.size(); k++) { // indexed: no iterator garbage per step
            Parameter p = parameters.get(k);
            int n = (int) p.size();
            if (weights.length < n) {
                weights = new float[n];
                gradients = new float[n];
            }
            NativeMemory.readFloats(p.value(), weights);
            NativeMemory.readFloats(p.gradient(), gradients);
            if (clipnorm != null) {
                GradientClipping.byNorm(gradients, n, clipnorm.floatValue());
            } else if (globalClipnorm != null) {
                GradientClipping.scale(gradients, n, globalScale);
            } else if (clipvalue != null) {
                GradientClipping.byValue(gradients, n, clipvalue.floatValue());
            }
            if (weightDecay != null && decays(p)) {
                float wd = weightDecay.floatValue();
                float lrf = (float) lr;
                for (int i = 0; i < n; i++) {
                    weights[i] = weights[i] - weights[i] * wd * lrf; // Keras: variable - variable * wd * lr
                }
            }
            update(weights, gradients, slotsOf(p), n, step, lr);
            NativeMemory.writeFloats(weights, p.value());
        }
        iterations = step;
    }

    private float globalScale(List<Parameter> parameters) {
        double sum = 0;
        for (int k = 0; k < parameters.size(); k++) {
            Parameter p = parameters.get(k);
            int n = (int) p.size();
            if (gradients.length < n) {
                weights = new float[n];
                gradients = new float[n];
            }
            NativeMemory.readFloats(p.gradient(), gradients);
            sum += GradientClipping.sumOfSquares(gradients, n);
        }
        return GradientClipping.globalScale(sum, globalClipnorm.floatValue());
    }

    private boolean decays(Parameter p) {
        if (exclusion == null) {
            return true;
        }
        Boolean d = decays.get(p);
        if (d == null) {
            d = !exclusion.matcher(p.name()).find();
            decays.put(p, d);
        }
        return d;
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
     * The class and its hyperparameters, e.g. {@code Adam(learningRate=0.001, beta1=0.9, beta2=0.999, epsilon=1.0E-7,
     * amsgrad=false)}: the learning rate (or its schedule), the final fields of plain values the subclasses declare, in
     * declaration order (read reflectively, so a new hyperparameter shows without each optimizer writing its own
     * {@code toString}), then weight decay and clipping when set.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append("(learningRate=")
                .append(schedule != null ? schedule : learningRate);
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
        // The options every optimizer shares, when set (Keras' None otherwise).
        appendIfSet(sb, "weightDecay", weightDecay);
        appendIfSet(sb, "clipnorm", clipnorm);
        appendIfSet(sb, "clipvalue", clipvalue);
        appendIfSet(sb, "globalClipnorm", globalClipnorm);
        return sb.append(')').toString();
    }

    private static void appendIfSet(StringBuilder sb, String name, Double value) {
        if (value != null) {
            sb.append(", ").append(name).append('=').append(value);
        }
    }
}
