package io.github.keras4j.spark;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.layers.Parameter;
import io.github.keras4j.models.Sequential;
import io.github.keras4j.optimizers.Optimizer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Parameter averaging's arithmetic: a model's {@link ModelState} read out ({@link #stateOf}) and written in
 * ({@link #set}), and the mean of the workers' states ({@link #mean}).
 */
final class ParameterAveraging {
    private ParameterAveraging() {
    }

    static ModelState stateOf(Sequential model) {
        List<Parameter> params = SparkTrainer.parameters(model);
        Optimizer optimizer = model.optimizer();
        float[][] weights = new float[params.size()][];
        float[][][] slots = new float[params.size()][][];
        for (int j = 0; j < params.size(); j++) {
            Parameter p = params.get(j);
            weights[j] = new float[(int) p.size()];
            NativeMemory.readFloats(p.value(), weights[j]);
            slots[j] = optimizer.hasSlots(p) ? copy(optimizer.slotsOf(p)) : null;
        }
        return new ModelState(weights, slots, optimizer.iterations());
    }

    static void set(Sequential model, ModelState state) {
        List<Parameter> params = SparkTrainer.parameters(model);
        Optimizer optimizer = model.optimizer();
        List<INDArray> weights = new ArrayList<>(params.size());
        for (int j = 0; j < params.size(); j++) {
            Parameter p = params.get(j);
            weights.add(Nd4j.create(state.weights()[j], p.value().shape(), 'c'));
            if (state.slots()[j] != null) {
                float[][] live = optimizer.slotsOf(p);
                for (int s = 0; s < live.length; s++) {
                    System.arraycopy(state.slots()[j][s], 0, live[s], 0, live[s].length);
                }
            }
        }
        model.setWeights(weights);
        optimizer.setIterations(state.iterations());
    }

    /**
     * The mean of the workers' states, each worker counted once; the step count is the largest. One state is
     * returned as it is, so one worker changes no bit.
     */
    static ModelState mean(List<ModelState> states) {
        if (states.size() == 1) {
            return states.get(0);
        }
        ModelState first = states.get(0);
        int n = first.weights().length;
        float[][] weights = new float[n][];
        float[][][] slots = new float[n][][];
        for (int j = 0; j < n; j++) {
            int w = j;
            weights[j] = average(states, s -> s.weights()[w]);
            if (first.slots()[j] != null) {
                slots[j] = new float[first.slots()[j].length][];
                for (int k = 0; k < slots[j].length; k++) {
                    int slot = k;
                    slots[j][k] = average(states, s -> s.slots()[w][slot]);
                }
            }
        }
        return new ModelState(weights, slots, states.stream().mapToLong(ModelState::iterations).max().orElse(0));
    }

    private static float[] average(List<ModelState> states, Function<ModelState, float[]> part) {
        double[] sum = new double[part.apply(states.get(0)).length];
        for (ModelState s : states) {
            float[] v = part.apply(s);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += v[i];
            }
        }
        float[] out = new float[sum.length];
        for (int i = 0; i < sum.length; i++) {
            out[i] = (float) (sum[i] / states.size());
        }
        return out;
    }

    private static float[][] copy(float[][] a) {
        float[][] c = new float[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
