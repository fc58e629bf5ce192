package io.github.keras4j.examples.playground;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Layer;
import io.github.keras4j.layers.Parameter;
import io.github.keras4j.models.FitOptions;
import io.github.keras4j.models.Sequential;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

/**
 * A Playground network as a keras4j {@link Sequential} of {@link Dense} layers, trained as the Playground trains:
 * weights uniform in [-0.5, 0.5] and biases 0.1 (drawn from the page's {@link SeedRandom} in its order), a tanh
 * output for classification and a linear one for regression, {@link HalfSquaredError}, and
 * {@link PlaygroundSGD}. One {@link #iterate() iteration} is one pass over the training points in their order,
 * with an update after every {@code batchSize} points; the points after the last full batch carry over into the
 * first batch of the next iteration (so that batch averages over more points), as the Playground's accumulated
 * derivatives do. Keras would instead take a smaller last batch and start afresh.
 */
public final class PlaygroundNetwork {
    private final Sequential model = new Sequential();
    private final PlaygroundSGD optimizer;
    private final List<Feature> inputs;
    private final int batchSize;
    private final float[] x;
    private final float[] y;
    private final int n;
    private final List<Integer> pending = new ArrayList<>();

    /**
     * A new network for {@code state}, drawing its initial weights from {@code random}, to train on {@code train}.
     */
    public PlaygroundNetwork(PlaygroundState state, List<Example2D> train, SeedRandom random) {
        inputs = state.inputs();
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("No input feature is switched on: switch on at least one, e.g. x=true.");
        }
        batchSize = state.batchSize();
        int width = inputs.size();
        List<Integer> units = new ArrayList<>(state.networkShape());
        units.add(1);
        for (int l = 0; l < units.size(); l++) {
            boolean output = l == units.size() - 1;
            Dense dense = new Dense(units.get(l), output ? (state.regression() ? "linear" : "tanh") : state.activation());
            model.add(l == 0 ? dense.inputShape(width) : dense);
        }
        model.build(width);
        model.setWeights(initialWeights(width, units, state.initZero(), random));
        optimizer = new PlaygroundSGD(state.learningRate(), state.regularization(), state.regularizationRate());
        model.compile(optimizer, new HalfSquaredError());
        n = train.size();
        x = features(train);
        y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = (float) train.get(i).label();
        }
    }

    /** Kernels and biases in Keras' order; the Playground draws, per layer, each neuron's incoming weights in turn. */
    private static List<INDArray> initialWeights(int width, List<Integer> units, boolean zero, SeedRandom random) {
        List<INDArray> weights = new ArrayList<>();
        int in = width;
        for (int out : units) {
            float[][] kernel = new float[in][out];
            for (int dest = 0; dest < out; dest++) {
                for (int source = 0; source < in; source++) {
                    kernel[source][dest] = zero ? 0 : (float) (random.nextDouble() - 0.5);
                }
            }
            float[] bias = new float[out];
            java.util.Arrays.fill(bias, zero ? 0f : 0.1f);
            weights.add(Nd4j.create(kernel));
            weights.add(Nd4j.create(bias, new long[] {out}, 'c'));
            in = out;
        }
        return weights;
    }

    /** One pass over the training points, updating after every batch (see the class comment). */
    public void iterate() {
        List<List<Integer>> batches = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pending.add(i);
            if ((i + 1) % batchSize == 0) {
                batches.add(new ArrayList<>(pending));
                pending.clear();
            }
        }
        int first = 0;
        if (!batches.isEmpty() && batches.get(0).size() != batchSize) {
            fit(batches.get(0), batches.get(0).size()); // the batch that holds the carried-over points
            first = 1;
        }
        List<Integer> regular = new ArrayList<>();
        for (List<Integer> b : batches.subList(first, batches.size())) {
            regular.addAll(b);
        }
        if (!regular.isEmpty()) {
            fit(regular, batchSize); // consecutive full batches: one fit, one update per batch
        }
    }

    private void fit(List<Integer> rows, int size) {
        int width = inputs.size();
        float[] bx = new float[rows.size() * width];
        float[] by = new float[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            int i = rows.get(r);
            System.arraycopy(x, i * width, bx, r * width, width);
            by[r] = y[i];
        }
        INDArray xs = Nd4j.create(bx, new long[] {rows.size(), width}, 'c');
        INDArray ys = Nd4j.create(by, new long[] {rows.size(), 1}, 'c');
        model.fit(xs, ys, FitOptions.defaults().withBatchSize(size).withEpochs(1).withShuffle(false).withVerbose(0));
    }

    /** The Playground's loss on {@code points}: the mean of ½ (output - label)². */
    public double loss(List<Example2D> points) {
        double[] out = predict(points);
        double[] labels = new double[points.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = points.get(i).label();
        }
        return HalfSquaredError.of(out, labels);
    }

    /** The network's output at each point. */
    public double[] predict(List<Example2D> points) {
        if (points.isEmpty()) {
            return new double[0];
        }
        INDArray out = model.predict(Nd4j.create(features(points), new long[] {points.size(), inputs.size()}, 'c'), points.size());
        return NativeMemory.read(out);
    }

    /**
     * Every neuron's output at each of {@code points}: one {@code [points, units]} array per layer, hidden layers
     * first and the output last, from the model's own layers.
     */
    public List<double[][]> activations(List<Example2D> points) {
        INDArray a = Nd4j.create(features(points), new long[] {points.size(), inputs.size()}, 'c');
        List<double[][]> out = new ArrayList<>();
        for (Layer layer : model.layers()) {
            a = layer.forward(a, false);
            out.add(rows(a));
        }
        return out;
    }

    /** Kernels ({@code [inputs][units]}) and biases per layer, as doubles, for drawing. */
    public List<double[][]> kernels() {
        List<double[][]> out = new ArrayList<>();
        for (Layer layer : model.layers()) {
            out.add(rows(layer.weights().get(0).value()));
        }
        return out;
    }

    /** The biases of each layer. */
    public List<double[]> biases() {
        List<double[]> out = new ArrayList<>();
        for (Layer layer : model.layers()) {
            out.add(NativeMemory.read(layer.weights().get(1).value()));
        }
        return out;
    }

    /** Weights (not biases) that are exactly zero, and all weights. */
    public int[] zeroWeights() {
        int zero = 0;
        int all = 0;
        for (double[][] k : kernels()) {
            for (double[] row : k) {
                for (double v : row) {
                    zero += v == 0 ? 1 : 0;
                    all++;
                }
            }
        }
        return new int[] {zero, all};
    }

    /** Changes the learning rate from the next update on; the Playground changes it without a reset too. */
    public void setLearningRate(double learningRate) {
        optimizer.setLearningRate(learningRate);
    }

    /** The keras4j model being trained. */
    public Sequential model() {
        return model;
    }

    /** The input features, in order. */
    public List<Feature> inputs() {
        return inputs;
    }

    /** Kernels of every layer, for counting L1's dead weights. */
    List<Parameter> kernelParameters() {
        List<Parameter> out = new ArrayList<>();
        for (Layer layer : model.layers()) {
            out.add(layer.weights().get(0));
        }
        return out;
    }

    /** A c-order matrix as rows, read in one copy (INDArray.toDoubleMatrix copies row by row, far slower). */
    private static double[][] rows(INDArray a) {
        double[] flat = NativeMemory.read(a);
        int width = (int) a.size(1);
        double[][] r = new double[(int) a.size(0)][];
        for (int i = 0; i < r.length; i++) {
            r[i] = java.util.Arrays.copyOfRange(flat, i * width, (i + 1) * width);
        }
        return r;
    }

    private float[] features(List<Example2D> points) {
        int width = inputs.size();
        float[] f = new float[points.size() * width];
        for (int i = 0; i < points.size(); i++) {
            Example2D p = points.get(i);
            for (int k = 0; k < width; k++) {
                f[i * width + k] = (float) inputs.get(k).of(p.x(), p.y());
            }
        }
        return f;
    }
}
