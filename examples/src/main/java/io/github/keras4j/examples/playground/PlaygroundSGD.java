package io.github.keras4j.examples.playground;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.layers.Parameter;
import io.github.keras4j.optimizers.Optimizer;

import java.util.List;

/**
 * Plain SGD with the Playground's regularization step ({@code nn.updateWeights}), which Keras' regularizers
 * cannot express. Per weight (kernels only; biases get the plain step):
 * <pre>
 * r  = L1 ? sign(w) : L2 ? w : 0        // taken before the step
 * w' = w - lr * g                       // g: the batch's mean gradient
 * w" = w' - lr * rate * r
 * L1 and w' * w" &lt; 0 :  w = 0, and the weight is dead: it never changes again
 * else              :  w = w"
 * </pre>
 * For L2 this equals Keras' {@code l2(rate / 2)} on the kernel with SGD; for L1 the clipping to zero (and the
 * weight staying there) is the Playground's own: Keras' {@code l1} would push the weight past zero and back.
 * The rate is not divided by the batch size, as there.
 */
public final class PlaygroundSGD extends Optimizer {
    private final String regularization;
    private final double rate;
    private float[] w = new float[0];
    private float[] g = new float[0];

    /** {@code regularization} is none, L1 or L2, with {@code rate} (Playground's "Regularization rate"). */
    public PlaygroundSGD(double learningRate, String regularization, double rate) {
        super(learningRate);
        this.regularization = regularization;
        this.rate = rate;
    }

    @Override
    public String name() {
        return "playground_sgd";
    }

    /** One slot per weight: 1 once L1 has clipped it to zero. */
    @Override
    public List<String> slotNames() {
        return List.of("dead");
    }

    @Override
    protected void update(float[] w, float[] g, float[][] slots, int n, long step, double learningRate) {
        throw new UnsupportedOperationException("PlaygroundSGD updates in apply(), where it knows kernels from biases");
    }

    @Override
    public void apply(List<Parameter> parameters) {
        double lr = learningRate();
        for (Parameter p : parameters) {
            int n = (int) p.size();
            if (w.length < n) {
                w = new float[n];
                g = new float[n];
            }
            NativeMemory.readFloats(p.value(), w);
            NativeMemory.readFloats(p.gradient(), g);
            boolean kernel = p.localName().equals("kernel");
            float[] dead = kernel ? slotsOf(p)[0] : null;
            for (int i = 0; i < n; i++) {
                if (dead != null && dead[i] != 0) {
                    continue;
                }
                double before = w[i];
                double stepped = before - lr * g[i];
                if (!kernel || regularization.equals("none")) {
                    w[i] = (float) stepped;
                    continue;
                }
                double r = regularization.equals("L1") ? Math.signum(before) : before;
                double regularized = stepped - lr * rate * r;
                if (regularization.equals("L1") && stepped * regularized < 0) {
                    w[i] = 0; // crossed zero because of the penalty: clip, and keep it there
                    dead[i] = 1;
                } else {
                    w[i] = (float) regularized;
                }
            }
            NativeMemory.writeFloats(w, p.value());
        }
        setIterations(iterations() + 1);
    }

    /** Weights L1 has clipped to zero (and frozen) in {@code kernel} so far. */
    public int deadCount(Parameter kernel) {
        int count = 0;
        for (float d : slotsOf(kernel)[0]) {
            count += d != 0 ? 1 : 0;
        }
        return count;
    }
}
