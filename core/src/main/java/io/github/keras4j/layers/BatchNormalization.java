package io.github.keras4j.layers;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.backend.PerThread;
import io.github.keras4j.backend.RowBuffer;
import io.github.keras4j.initializers.Initializer;
import io.github.keras4j.initializers.Initializers;
import io.github.keras4j.initializers.Ones;
import io.github.keras4j.initializers.Zeros;
import io.github.keras4j.regularizers.Regularizer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Keras' BatchNormalization over the last axis (channels last): each channel normalised to mean 0 and variance 1,
 * then scaled by {@code gamma} and shifted by {@code beta} (keras/src/layers/normalization/batch_normalization.py):
 * <pre>
 * training:   mean, var = the batch's mean and biased variance over every axis but the last
 *             moving_mean     = moving_mean * momentum + mean * (1 - momentum)
 *             moving_variance = moving_variance * momentum + var * (1 - momentum)
 * inference:  mean, var = moving_mean, moving_variance
 * output:     inv = gamma / sqrt(var + epsilon);  y = x * inv + (beta - mean * inv)
 * </pre>
 * A frozen layer ({@code trainable(false)}) uses its moving statistics while training too and leaves them as they
 * are, as in Keras 3. Weights, in Keras' order: {@code gamma} (with {@code scale}), {@code beta} (with
 * {@code center}), then the non-trainable {@code moving_mean} and {@code moving_variance}. Defaults: momentum
 * {@value #DEFAULT_MOMENTUM}, epsilon {@value #DEFAULT_EPSILON}, center and scale on, gamma and moving variance
 * start at ones, beta and moving mean at zeros. Works after Dense ({@code (batch, units)}) and after Conv2D
 * ({@code (batch, height, width, channels)}).
 */
public class BatchNormalization extends Layer {
    public static final double DEFAULT_MOMENTUM = 0.99;
    public static final double DEFAULT_EPSILON = 1e-3;

    private static final int X = 0, XHAT = 1, G = 2, SUMS = 3, STATS = 4, SHIFT = 5;

    /** Keras' default {@code axis}: the last one, the channels. */
    public static final int DEFAULT_AXIS = -1;

    private int axis = DEFAULT_AXIS;
    private double momentum = DEFAULT_MOMENTUM;
    private double epsilon = DEFAULT_EPSILON;
    private boolean center = true;
    private boolean scale = true;
    private Initializer betaInitializer = new Zeros();
    private Initializer gammaInitializer = new Ones();
    private Initializer movingMeanInitializer = new Zeros();
    private Initializer movingVarianceInitializer = new Ones();
    private Regularizer betaRegularizer;
    private Regularizer gammaRegularizer;

    private Parameter gamma;
    private Parameter beta;
    private Parameter movingMean;
    private Parameter movingVariance;
    private int channels;

    private final Work train = new Work();
    private final PerThread<Work> inference = new PerThread<>(Work::new);
    private final RowBuffer gradBuffer = new RowBuffer();
    // The last training forward: normalised with the batch's statistics (else the moving ones), its inv per channel.
    private boolean lastUsedBatchStatistics;
    private double[] lastInv;
    private long[] lastShape;

    /**
     * Keras' {@code axis}, the axis of the features to normalise, counting the batch axis as 0; keras4j normalises over
     * the last one (channels last), which is -1 or, for inputs of a known rank, its index (3 for images).
     */
    public BatchNormalization axis(int axis) {
        requireNotBuilt("axis");
        this.axis = axis;
        return this;
    }

    public int axis() {
        return axis;
    }

    public BatchNormalization momentum(double momentum) {
        requireNotBuilt("momentum");
        if (!(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException("BatchNormalization momentum must be in [0, 1], got " + momentum
                    + ". Keras' default is " + DEFAULT_MOMENTUM + ".");
        }
        this.momentum = momentum;
        return this;
    }

    public BatchNormalization epsilon(double epsilon) {
        requireNotBuilt("epsilon");
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("BatchNormalization epsilon must be a finite number > 0, got " + epsilon
                    + ". Keras' default is " + DEFAULT_EPSILON + ".");
        }
        this.epsilon = epsilon;
        return this;
    }

    /** Whether to add {@code beta}. */
    public BatchNormalization center(boolean center) {
        requireNotBuilt("center");
        this.center = center;
        return this;
    }

    /** Whether to multiply by {@code gamma}. */
    public BatchNormalization scale(boolean scale) {
        requireNotBuilt("scale");
        this.scale = scale;
        return this;
    }

    public BatchNormalization betaInitializer(String id) {
        return betaInitializer(Initializers.get(id));
    }

    public BatchNormalization betaInitializer(Initializer initializer) {
        requireNotBuilt("betaInitializer");
        this.betaInitializer = Objects.requireNonNull(initializer, "betaInitializer");
        return this;
    }

    public BatchNormalization gammaInitializer(String id) {
        return gammaInitializer(Initializers.get(id));
    }

    public BatchNormalization gammaInitializer(Initializer initializer) {
        requireNotBuilt("gammaInitializer");
        this.gammaInitializer = Objects.requireNonNull(initializer, "gammaInitializer");
        return this;
    }

    public BatchNormalization movingMeanInitializer(Initializer initializer) {
        requireNotBuilt("movingMeanInitializer");
        this.movingMeanInitializer = Objects.requireNonNull(initializer, "movingMeanInitializer");
        return this;
    }

    public BatchNormalization movingVarianceInitializer(Initializer initializer) {
        requireNotBuilt("movingVarianceInitializer");
        this.movingVarianceInitializer = Objects.requireNonNull(initializer, "movingVarianceInitializer");
        return this;
    }

    public BatchNormalization betaRegularizer(Regularizer regularizer) {
        requireNotBuilt("betaRegularizer");
        this.betaRegularizer = regularizer;
        return this;
    }

    public BatchNormalization gammaRegularizer(Regularizer regularizer) {
        requireNotBuilt("gammaRegularizer");
        this.gammaRegularizer = regularizer;
        return this;
    }

    public double momentum() {
        return momentum;
    }

    public double epsilon() {
        return epsilon;
    }

    public boolean center() {
        return center;
    }

    public boolean scale() {
        return scale;
    }

    public Initializer betaInitializer() {
        return betaInitializer;
    }

    public Initializer gammaInitializer() {
        return gammaInitializer;
    }

    public Initializer movingMeanInitializer() {
        return movingMeanInitializer;
    }

    public Initializer movingVarianceInitializer() {
        return movingVarianceInitializer;
    }

    public Regularizer betaRegularizer() {
        return betaRegularizer;
    }

    public Regularizer gammaRegularizer() {
        return gammaRegularizer;
    }

    @Override
    public BatchNormalization inputShape(int... dims) {
        super.inputShape(dims);
        return this;
    }

    @Override
    public BatchNormalization name(String name) {
        super.name(name);
        return this;
    }

    @Override
    public BatchNormalization trainable(boolean trainable) {
        super.trainable(trainable);
        return this;
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        if (axis != -1 && axis != inputShape.rank()) {
            throw new IllegalArgumentException(describe() + " has axis=" + axis + ", but keras4j normalises over the last axis only"
                    + " (channels last), which for input " + inputShape.toBatchString() + " is axis=-1 or axis=" + inputShape.rank()
                    + ". Move the features to the last axis (e.g. with Reshape) or use axis=-1.");
        }
        return inputShape;
    }

    @Override
    public List<WeightSpec> weightSpecs(Shape inputShape) {
        long[] shape = {inputShape.dim(-1)};
        List<WeightSpec> specs = new ArrayList<>(4);
        if (scale) {
            specs.add(WeightSpec.trainable("gamma", shape, gammaInitializer, gammaRegularizer));
        }
        if (center) {
            specs.add(WeightSpec.trainable("beta", shape, betaInitializer, betaRegularizer));
        }
        specs.add(WeightSpec.nonTrainable("moving_mean", shape, movingMeanInitializer));
        specs.add(WeightSpec.nonTrainable("moving_variance", shape, movingVarianceInitializer));
        return specs;
    }

    @Override
    protected void onBuild(Shape inputShape) {
        channels = inputShape.dim(-1);
        gamma = scale ? weight("gamma") : null;
        beta = center ? weight("beta") : null;
        movingMean = weight("moving_mean");
        movingVariance = weight("moving_variance");
    }

    @Override
    protected INDArray call(INDArray x, boolean training) {
        boolean batchStatistics = training && isTrainable();
        Work work = training ? train : inference.get();
        int n = (int) x.length();
        int c = channels;
        int rows = n / c;
        double[] v = work.scratch.get(X, n);
        NativeMemory.read(NativeMemory.contiguous(x), v);
        double[] stats = work.scratch.get(STATS, 2 * c); // mean in [0, c), variance in [c, 2c)
        if (batchStatistics) {
            batchMoments(v, rows, c, stats);
            updateMovingStatistics(stats, work);
        } else {
            NativeMemory.read(movingMean.value(), 0, stats, c);
            double[] mv = work.scratch.get(SUMS, c);
            NativeMemory.read(movingVariance.value(), 0, mv, c);
            System.arraycopy(mv, 0, stats, c, c);
        }
        double[] inv = training ? (lastInv = grow(lastInv, c)) : work.scratch.get(SUMS, c);
        double[] shift = work.scratch.get(SHIFT, 2 * c); // beta - mean * inv in [0, c), 1 / sqrt(var + epsilon) in [c, 2c)
        double[] g = gamma == null ? null : NativeMemory.read(gamma.value());
        double[] b = beta == null ? null : NativeMemory.read(beta.value());
        for (int j = 0; j < c; j++) {
            double invStd = 1 / Math.sqrt(stats[c + j] + epsilon);
            shift[c + j] = invStd;
            inv[j] = g == null ? invStd : invStd * g[j];
            shift[j] = (b == null ? 0 : b[j]) - stats[j] * inv[j];
        }
        if (training) {
            double[] xhat = work.scratch.get(XHAT, n); // (x - mean) / sqrt(var + epsilon), for backward
            for (int r = 0; r < n; r += c) {
                for (int j = 0; j < c; j++) {
                    xhat[r + j] = (v[r + j] - stats[j]) * shift[c + j];
                }
            }
            lastUsedBatchStatistics = batchStatistics;
            lastShape = x.shape();
        }
        for (int r = 0; r < n; r += c) {
            for (int j = 0; j < c; j++) {
                v[r + j] = v[r + j] * inv[j] + shift[j];
            }
        }
        INDArray out = work.out.rows((int) x.size(0), Activation.sampleShape(x.shape()), dataType());
        NativeMemory.write(v, out);
        return out;
    }

    /** The mean and biased variance of each channel over the rows, in two passes for accuracy. */
    private static void batchMoments(double[] v, int rows, int c, double[] stats) {
        java.util.Arrays.fill(stats, 0, 2 * c, 0);
        int n = rows * c;
        for (int r = 0; r < n; r += c) {
            for (int j = 0; j < c; j++) {
                stats[j] += v[r + j];
            }
        }
        for (int j = 0; j < c; j++) {
            stats[j] /= rows;
        }
        for (int r = 0; r < n; r += c) {
            for (int j = 0; j < c; j++) {
                double d = v[r + j] - stats[j];
                stats[c + j] += d * d;
            }
        }
        for (int j = 0; j < c; j++) {
            stats[c + j] /= rows;
        }
    }

    private void updateMovingStatistics(double[] stats, Work work) {
        int c = channels;
        double[] m = work.scratch.get(SUMS, 2 * c);
        NativeMemory.read(movingMean.value(), 0, m, c);
        for (int j = 0; j < c; j++) {
            m[j] = m[j] * momentum + stats[j] * (1 - momentum);
        }
        NativeMemory.write(java.util.Arrays.copyOf(m, c), movingMean.value());
        NativeMemory.read(movingVariance.value(), 0, m, c);
        for (int j = 0; j < c; j++) {
            m[j] = m[j] * momentum + stats[c + j] * (1 - momentum);
        }
        NativeMemory.write(java.util.Arrays.copyOf(m, c), movingVariance.value());
    }

    /**
     * With the batch's statistics: {@code dx = inv / N * (N g - sum(g) - xhat * sum(g xhat))} per channel, where
     * {@code inv = gamma / sqrt(var + epsilon)} and N is the number of rows; with the moving ones (a frozen layer) the
     * statistics are constants and {@code dx = inv * g}. Either way {@code dbeta = sum(g)}, {@code dgamma = sum(g xhat)}.
     */
    @Override
    public INDArray backward(INDArray gradOutput, boolean needInputGradient) {
        if (lastShape == null) {
            throw new IllegalStateException(describe() + ": backward needs a forward pass with training=true first");
        }
        int n = (int) gradOutput.length();
        int c = channels;
        int rows = n / c;
        double[] g = train.scratch.get(G, n);
        NativeMemory.read(NativeMemory.contiguous(gradOutput), g);
        double[] xhat = train.scratch.get(XHAT, n);
        double[] sums = train.scratch.get(SUMS, 2 * c); // sum(g) in [0, c), sum(g xhat) in [c, 2c)
        java.util.Arrays.fill(sums, 0, 2 * c, 0);
        for (int r = 0; r < n; r += c) {
            for (int j = 0; j < c; j++) {
                sums[j] += g[r + j];
                sums[c + j] += g[r + j] * xhat[r + j];
            }
        }
        if (beta != null) {
            NativeMemory.write(java.util.Arrays.copyOf(sums, c), beta.gradient());
        }
        if (gamma != null) {
            NativeMemory.write(java.util.Arrays.copyOfRange(sums, c, 2 * c), gamma.gradient());
        }
        if (!needInputGradient) {
            return null;
        }
        double[] inv = lastInv;
        if (lastUsedBatchStatistics) {
            for (int r = 0; r < n; r += c) {
                for (int j = 0; j < c; j++) {
                    g[r + j] = inv[j] / rows * (rows * g[r + j] - sums[j] - xhat[r + j] * sums[c + j]);
                }
            }
        } else {
            for (int r = 0; r < n; r += c) {
                for (int j = 0; j < c; j++) {
                    g[r + j] *= inv[j];
                }
            }
        }
        INDArray dx = gradBuffer.rows((int) lastShape[0], Activation.sampleShape(lastShape), dataType());
        NativeMemory.write(g, dx);
        return dx;
    }

    private static double[] grow(double[] a, int n) {
        return a != null && a.length >= n ? a : new double[n];
    }

    private void requireNotBuilt(String setting) {
        if (isBuilt()) {
            throw new IllegalStateException(describe() + " is already built; set " + setting + " before adding it to a model");
        }
    }

    /** One forward's staging arrays and output buffer. */
    private static final class Work {
        final Scratch scratch = new Scratch(6);
        final RowBuffer out = new RowBuffer();
    }
}
