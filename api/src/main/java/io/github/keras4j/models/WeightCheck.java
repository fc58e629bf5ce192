package io.github.keras4j.models;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.layers.Parameter;
import io.github.keras4j.saving.FiniteWeights;
import io.github.keras4j.layers.Shape;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** setWeights: checks every array against its parameter first, then assigns them all. */
final class WeightCheck {
    private WeightCheck() {
    }

    static void assign(Sequential model, List<Parameter> params, List<INDArray> weights, NonFiniteWeights nonFinite) {
        if (!model.isBuilt()) {
            throw new IllegalStateException("setWeights() on model '" + model.name() + "', which is not built yet and has no weights. "
                    + Summary.HOW_TO_BUILD);
        }
        if (weights == null) {
            throw new IllegalArgumentException("setWeights needs a list of arrays, got null");
        }
        if (weights.size() != params.size()) {
            throw new IllegalArgumentException("setWeights expected " + params.size() + " arrays, one per weight in this order: "
                    + params.stream().map(p -> p.name() + " " + Shape.describe(p.value().shape())).collect(Collectors.joining(", "))
                    + "; but received " + weights.size() + ". Pass the list getWeights() returns (or one like it).");
        }
        for (int i = 0; i < params.size(); i++) {
            INDArray w = weights.get(i);
            Parameter p = params.get(i);
            if (w == null) {
                throw new IllegalArgumentException("setWeights: array " + i + " (for " + p.name() + ") is null");
            }
            if (!Arrays.equals(w.shape(), p.value().shape())) {
                throw new IllegalArgumentException("setWeights: array " + i + " has shape " + Shape.describe(w.shape())
                        + " but weight " + i + " '" + p.name() + "' has shape " + Shape.describe(p.value().shape())
                        + ". Arrays must come in getWeights() order (kernel, bias, layer by layer).");
            }
            if (nonFinite != NonFiniteWeights.ALLOW) {
                requireFinite(model, i, p, w);
            }
        }
        for (int i = 0; i < params.size(); i++) {
            INDArray value = params.get(i).value();
            INDArray w = weights.get(i);
            value.assign(w.dataType() == value.dataType() ? w : w.castTo(value.dataType()));
        }
    }

    /** The first NaN or infinity of {@code w}, if any, fails naming the weight and where it is. */
    private static void requireFinite(Sequential model, int i, Parameter p, INDArray w) {
        double[] values = NativeMemory.read(NativeMemory.contiguous(w));
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k])) {
                throw new IllegalArgumentException("setWeights: array " + i + ", for " + FiniteWeights.weightOf(model.layers(), p.owner(), p) + ", holds "
                        + FiniteWeights.valueAt(values[k], k, w.shape()) + "; a model with NaN or infinite weights computes NaN for every input. To set it anyway, pass"
                        + " NonFiniteWeights.ALLOW: model.setWeights(weights, NonFiniteWeights.ALLOW).");
            }
        }
    }
}
