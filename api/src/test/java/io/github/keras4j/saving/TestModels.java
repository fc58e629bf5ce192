package io.github.keras4j.saving;

import io.github.keras4j.engine.LayerStack;
import io.github.keras4j.layers.Layer;
import io.github.keras4j.layers.Parameter;
import io.github.keras4j.losses.Loss;
import io.github.keras4j.optimizers.Optimizer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Small models built from core layers the way a Sequential model does, and helpers to train and compare them. */
final class TestModels {
    private TestModels() {
    }

    /** Names unnamed layers as a model does ({@code dense}, {@code dense_1}, ...) and adds them to a stack, which builds them. */
    static LayerStack stack(List<Layer> layers) {
        Map<String, Integer> used = new HashMap<>();
        LayerStack stack = new LayerStack();
        for (Layer layer : layers) {
            if (!layer.hasExplicitName() && !layer.isBuilt()) {
                int n = used.merge(layer.baseName(), 1, Integer::sum) - 1;
                layer.assignName(n == 0 ? layer.baseName() : layer.baseName() + "_" + n);
            }
            stack.add(layer);
        }
        return stack;
    }

    static ModelDescription describe(LayerStack stack, Optimizer optimizer, Loss loss, String... metrics) {
        return new ModelDescription("sequential", stack.inputShape(), stack.layers(),
                optimizer == null ? null : new CompileState(optimizer, loss, List.of(metrics)));
    }

    /** Reproducible inputs of shape {@code (rows, dims...)}, independent of the global seed. */
    static INDArray inputs(long seed, int rows, int... dims) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] shape = new long[dims.length + 1];
        shape[0] = rows;
        long n = rows;
        for (int i = 0; i < dims.length; i++) {
            shape[i + 1] = dims[i];
            n *= dims[i];
        }
        float[] v = new float[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return Nd4j.create(v, shape, DataType.FLOAT);
    }

    /** Integer class labels in [0, classes). */
    static INDArray labels(long seed, int rows, int classes) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[rows];
        for (int i = 0; i < rows; i++) {
            v[i] = r.nextInt(classes);
        }
        return Nd4j.create(v, new long[] {rows}, DataType.FLOAT);
    }

    /** Every parameter's values, in order, as floats (exact for float32 parameters). */
    static List<float[]> weights(List<Layer> layers) {
        List<float[]> out = new ArrayList<>();
        for (Layer l : layers) {
            for (Parameter p : l.weights()) {
                out.add(p.value().dup('c').data().asFloat());
            }
        }
        return out;
    }

    static void train(LayerStack stack, Loss loss, Optimizer optimizer, INDArray x, INDArray y, int steps, int batch) {
        int rows = (int) x.size(0);
        for (int s = 0; s < steps; s++) {
            int from = (s * batch) % rows;
            INDArray xb = x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, from + batch));
            INDArray yb = y.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, from + batch));
            stack.trainStep(xb.dup('c'), yb.dup('c'), loss, optimizer);
        }
    }
}
