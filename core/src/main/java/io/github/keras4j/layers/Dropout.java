package io.github.keras4j.layers;

import io.github.keras4j.backend.RowBuffer;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.random.SeedGenerator;
import io.github.keras4j.random.SplitMixRandom;
import io.github.keras4j.random.StatefulRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras' Dropout: while training, each value is dropped (set to 0) with probability {@code rate} and
 * the kept ones are scaled by {@code 1 / (1 - rate)}, so the expected output equals the input. At
 * inference the input passes through unchanged. Masks come from a generator seeded at build time from
 * {@link SeedGenerator}, or from the seed given here; its state is saved with the model ({@link StatefulRandom}).
 */
public class Dropout extends Layer implements StatefulRandom {
    private static final int X = 0, MASK = 1;

    private final double rate;
    private final Long seed;
    private SplitMixRandom random;
    private final Scratch scratch = new Scratch(2);
    private final RowBuffer outBuffer = new RowBuffer();
    private final RowBuffer gradBuffer = new RowBuffer();
    private long[] lastShape;
    private int lastLength = -1;

    /** @param rate fraction of the input units to drop while training, in [0, 1) */
    public Dropout(double rate) {
        this(rate, null);
    }

    public Dropout(double rate, Long seed) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("Dropout rate is the fraction of units to drop and must be in [0, 1), got " + rate
                    + ". Common rates are 0.2 to 0.5; 0 drops nothing.");
        }
        this.rate = rate;
        this.seed = seed;
    }

    public double rate() {
        return rate;
    }

    public Long seed() {
        return seed;
    }

    /** The mask generator, null until the layer is built. */
    @Override
    public SplitMixRandom random() {
        return random;
    }

    @Override
    public Dropout inputShape(int... dims) {
        super.inputShape(dims);
        return this;
    }

    @Override
    public Dropout name(String name) {
        super.name(name);
        return this;
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        return inputShape;
    }

    @Override
    protected void onBuild(Shape inputShape) {
        random = new SplitMixRandom(seed != null ? seed : SeedGenerator.nextSeed());
    }

    @Override
    protected INDArray call(INDArray x, boolean training) {
        if (!training || rate == 0) {
            if (training) {
                lastShape = x.shape();
                lastLength = 0;
            }
            return x;
        }
        int n = (int) x.length();
        double[] v = scratch.get(X, n);
        double[] mask = scratch.get(MASK, n);
        NativeMemory.read(NativeMemory.contiguous(x), v);
        double scale = 1 / (1 - rate);
        for (int i = 0; i < n; i++) {
            mask[i] = random.nextDouble() < rate ? 0 : scale;
            v[i] *= mask[i];
        }
        INDArray out = outBuffer.rows((int) x.size(0), Activation.sampleShape(x.shape()), dataType());
        NativeMemory.write(v, out);
        lastShape = x.shape();
        lastLength = n;
        return out;
    }

    @Override
    public INDArray backward(INDArray gradOutput, boolean needInputGradient) {
        if (lastShape == null) {
            throw new IllegalStateException(describe() + ": backward needs a forward pass with training=true first");
        }
        if (!needInputGradient) {
            return null;
        }
        if (lastLength == 0) {
            return gradOutput; // rate 0: identity
        }
        double[] g = scratch.get(X, lastLength);
        double[] mask = scratch.get(MASK, lastLength);
        NativeMemory.read(NativeMemory.contiguous(gradOutput), g);
        for (int i = 0; i < lastLength; i++) {
            g[i] *= mask[i]; // the same mask as the forward pass
        }
        INDArray dx = gradBuffer.rows((int) lastShape[0], Activation.sampleShape(lastShape), dataType());
        NativeMemory.write(g, dx);
        return dx;
    }
}
