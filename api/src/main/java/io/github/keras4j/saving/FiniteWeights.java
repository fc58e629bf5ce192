package io.github.keras4j.saving;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.layers.Layer;
import io.github.keras4j.layers.Parameter;

import java.util.List;

/**
 * Refuses weights that hold NaN or an infinity, naming the layer, the weight and the first bad value: a model
 * with such a weight computes NaN for every input, so loading one silently hands over a broken model (usually
 * saved after training diverged). Callers that mean to load one anyway (to inspect it) opt in.
 */
public final class FiniteWeights {
    /** How a caller opts in, for the messages. */
    static final String HOW_TO_ALLOW = "To load it anyway (e.g. to inspect it), pass NonFiniteWeights.ALLOW, e.g."
            + " Models.load(path, NonFiniteWeights.ALLOW) or model.loadWeights(path, NonFiniteWeights.ALLOW).";

    private FiniteWeights() {
    }

    /** Checks the values about to be written into {@code targets} (parameters of {@code layers}, one array each). */
    static void require(List<Layer> layers, List<Parameter> targets, List<double[]> values, String source) {
        for (int i = 0; i < targets.size(); i++) {
            double[] v = values.get(i);
            for (int k = 0; k < v.length; k++) {
                if (!Double.isFinite(v[k])) {
                    throw new ModelFileException(source, problem(layers, targets.get(i).owner(), targets.get(i), v[k], k));
                }
            }
        }
    }

    /** Checks the weights the layers hold (of a model just read from a file). */
    static void require(List<Layer> layers, String source) {
        float[] buffer = new float[0];
        for (Layer layer : layers) {
            for (Parameter p : layer.weights()) {
                int n = Math.toIntExact(p.size());
                if (buffer.length < n) {
                    buffer = new float[n];
                }
                NativeMemory.readFloats(p.value(), buffer);
                for (int k = 0; k < n; k++) {
                    if (!Float.isFinite(buffer[k])) {
                        throw new ModelFileException(source, problem(layers, layer, p, buffer[k], k));
                    }
                }
            }
        }
    }

    /** "weight 'dense_1/kernel' of layer 'dense_1' (Dense, index 1)", the index being the layer's place in {@code layers}. */
    public static String weightOf(List<Layer> layers, Layer layer, Parameter p) {
        return "weight '" + p.name() + "' of layer '" + layer.name() + "' (" + layer.typeName() + ", index " + layers.indexOf(layer) + ")";
    }

    /** "NaN at [0, 5]": the value and its place in a c-order array of {@code shape}. */
    public static String valueAt(double value, long flatIndex, long[] shape) {
        return name(value) + " at " + index(flatIndex, shape);
    }

    private static String problem(List<Layer> layers, Layer layer, Parameter p, double value, long flatIndex) {
        return weightOf(layers, layer, p) + " holds " + valueAt(value, flatIndex, p.value().shape()) + "; a model with NaN or infinite weights computes NaN for every input (it was"
                + " probably saved after training diverged). " + HOW_TO_ALLOW;
    }

    static String name(double v) {
        return Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
    }

    /** The multi-index of {@code flat} in a c-order array of {@code shape}: {@code [2, 7]}. */
    static String index(long flat, long[] shape) {
        long[] at = new long[shape.length];
        long rest = flat;
        for (int d = shape.length - 1; d >= 0; d--) {
            at[d] = shape[d] == 0 ? 0 : rest % shape[d];
            rest = shape[d] == 0 ? 0 : rest / shape[d];
        }
        return java.util.Arrays.toString(at);
    }
}
