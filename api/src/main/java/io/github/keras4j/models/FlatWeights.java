package io.github.keras4j.models;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.layers.Parameter;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A model's weights as one float32 array, each weight in c order, in Keras' order: the form a trainer broadcasts. */
final class FlatWeights {
    private FlatWeights() {
    }

    static long size(List<Parameter> params) {
        long total = 0;
        for (Parameter p : params) {
            total += p.size();
        }
        return total;
    }

    /** The values of {@code params}, concatenated. */
    static float[] read(List<Parameter> params) {
        float[] flat = new float[Math.toIntExact(size(params))];
        int offset = 0;
        for (Parameter p : params) {
            float[] one = new float[(int) p.size()];
            NativeMemory.readFloats(p.value(), one);
            System.arraycopy(one, 0, flat, offset, one.length);
            offset += one.length;
        }
        return flat;
    }

    /** {@code flat} cut into arrays of the shapes of {@code params}, for setWeights (which checks the values). */
    static List<INDArray> split(String model, List<Parameter> params, float[] flat) {
        if (flat == null) {
            throw new IllegalArgumentException("setFlatWeights needs an array, got null");
        }
        long total = size(params);
        if (flat.length != total) {
            throw new IllegalArgumentException("setFlatWeights: model '" + model + "' has " + total + " weight values but the array holds "
                    + flat.length + ". Pass an array from getFlatWeights() of a model of the same architecture.");
        }
        List<INDArray> arrays = new ArrayList<>(params.size());
        int offset = 0;
        for (Parameter p : params) {
            int n = (int) p.size();
            arrays.add(Nd4j.create(Arrays.copyOfRange(flat, offset, offset + n), p.value().shape(), 'c'));
            offset += n;
        }
        return arrays;
    }
}
