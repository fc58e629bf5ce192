package io.github.keras4j.optimizers;

import io.github.keras4j.optimizers.schedules.LearningRateSchedule;

import java.util.List;

/**
 * Nadam, Adam with Nesterov momentum (Dozat, 2015), as Keras 3 computes it. Slots {@code m} (momentum) and
 * {@code v} (velocity) start at 0; one float32 for the whole optimizer, {@code uProduct} (Keras'
 * {@code _u_product}), starts at 1 and multiplies up the momentum schedule {@code u}:
 * <pre>
 * t = step                                       // 1 on the first step
 * u(k) = beta1 * (1 - 0.5 * 0.96^k)
 * uProduct = uProduct * beta1 * (1 - 0.5 * 0.96^t)   // once per step: u(1) * ... * u(t)
 * m += (g - m) * (1 - beta1)
 * v += (g^2 - v) * (1 - beta2)
 * mHat = u(t+1) * m / (1 - uProduct * u(t+1)) + (1 - u(t)) * g / (1 - uProduct)
 * vHat = v / (1 - beta2^t)
 * w -= mHat * lr / (sqrt(vHat) + epsilon)
 * </pre>
 * The scalars are computed in float32, as Keras does. Defaults: learning rate
 * {@value #DEFAULT_LEARNING_RATE}, beta1 {@value #DEFAULT_BETA_1}, beta2 {@value #DEFAULT_BETA_2}, epsilon
 * {@value #DEFAULT_EPSILON}.
 */
public final class Nadam extends MomentOptimizer {
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    public static final double DEFAULT_BETA_1 = 0.9;
    public static final double DEFAULT_BETA_2 = 0.999;
    public static final double DEFAULT_EPSILON = 1e-7;
    /** The base of Nadam's momentum schedule, fixed in Keras: {@value}. */
    public static final double MOMENTUM_DECAY = 0.96;

    private float uProduct = 1;

    public Nadam() {
        this(DEFAULT_LEARNING_RATE);
    }

    public Nadam(double learningRate) {
        this(learningRate, DEFAULT_BETA_1, DEFAULT_BETA_2, DEFAULT_EPSILON);
    }

    /** Keras' defaults, with the learning rate given by {@code learningRate} at every step. */
    public Nadam(LearningRateSchedule learningRate) {
        this();
        setLearningRate(learningRate);
    }

    public Nadam(double learningRate, double beta1, double beta2, double epsilon) {
        super(learningRate, beta1, beta2, epsilon, false);
    }

    /** The product {@code u(1) * ... * u(iterations)} (Keras' {@code _u_product}); 1 before the first step. */
    public float uProduct() {
        return uProduct;
    }

    /** Restores the product, e.g. from a saved optimizer. */
    public void setUProduct(float uProduct) {
        if (!(uProduct > 0 && uProduct <= 1)) {
            throw new IllegalArgumentException("Nadam uProduct is a product of momentum factors in (0, 1], got " + uProduct + ".");
        }
        this.uProduct = uProduct;
    }

    /** The product after {@code steps} steps, multiplied up in float32 exactly as the steps do it. */
    public float uProductAfter(long steps) {
        float u = 1;
        for (long t = 1; t <= steps; t++) {
            u = nextProduct(u, t);
        }
        return u;
    }

    @Override
    public String name() {
        return "nadam";
    }

    @Override
    public List<String> slotNames() {
        return List.of("momentum", "velocity");
    }

    @Override
    protected void beginStep(long step) {
        uProduct = nextProduct(uProduct, step);
    }

    private float nextProduct(float u, long t) {
        return u * (float) beta1() * (1f - 0.5f * (float) Math.pow((float) MOMENTUM_DECAY, t));
    }

    private float u(long t) {
        return (float) beta1() * (1f - 0.5f * (float) Math.pow((float) MOMENTUM_DECAY, t));
    }

    @Override
    protected void update(float[] w, float[] g, float[][] slots, int n, long step, double learningRate) {
        float[] m = slots[0];
        float[] v = slots[1];
        float lr = (float) learningRate;
        float uT = u(step);
        float uT1 = u(step + 1);
        float uProductT1 = uProduct * uT1;
        float beta2Power = (float) Math.pow((float) beta2(), step);
        float a1 = 1f - (float) beta1();
        float a2 = 1f - (float) beta2();
        float eps = (float) epsilon();
        for (int i = 0; i < n; i++) {
            float gi = g[i];
            float mi = m[i] + (gi - m[i]) * a1;
            float vi = v[i] + (gi * gi - v[i]) * a2;
            m[i] = mi;
            v[i] = vi;
            float mHat = uT1 * mi / (1 - uProductT1) + (1 - uT) * gi / (1 - uProduct);
            float vHat = vi / (1 - beta2Power);
            w[i] -= mHat * lr / ((float) Math.sqrt(vHat) + eps);
        }
    }

    @Override
    public void reset() {
        super.reset();
        uProduct = 1;
    }
}
