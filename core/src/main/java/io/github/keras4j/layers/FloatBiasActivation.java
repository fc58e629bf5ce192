package io.github.keras4j.layers;

import io.github.keras4j.activations.FloatForward;
import io.github.keras4j.backend.NativeMemory;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Adds the bias to a float32 layer output and applies a {@link FloatForward} activation in place, for inference.
 * The values are those of the double-precision path (a float sum rounded once, then an exact max or the identity),
 * staged as floats a few rows at a time. Staging a whole 1000x500 batch through doubles moved 2 MB several times
 * through memory; a chunk of {@value #CHUNK} floats stays in the core's cache between the copy in, the bias, the
 * activation and the copy out. One instance per thread: it keeps its staging arrays.
 */
final class FloatBiasActivation {
    /** Floats staged at once (32 KB: the size of a core's first-level data cache). */
    static final int CHUNK = 8192;

    private float[] values = new float[0];
    private float[] bias = new float[0];

    /** {@code out = f(out + bias)} over rows of {@code units}; {@code biasValue} null for a layer without bias. */
    void apply(INDArray out, INDArray biasValue, FloatForward f, int units) {
        int n = (int) out.length();
        float[] b = null;
        if (biasValue != null) {
            if (bias.length < units) {
                bias = new float[units];
            }
            b = bias;
            NativeMemory.readFloats(biasValue, b);
        }
        int chunk = Math.max(1, CHUNK / units) * units; // whole rows
        if (values.length < Math.min(chunk, n)) {
            values = new float[Math.min(chunk, n)];
        }
        float[] z = values;
        for (int start = 0; start < n; start += chunk) {
            int count = Math.min(chunk, n - start);
            NativeMemory.readFloats(out, start, z, count);
            if (b != null) {
                for (int r = 0; r < count; r += units) {
                    for (int j = 0; j < units; j++) {
                        z[r + j] += b[j];
                    }
                }
            }
            f.forward(z, z, count, units);
            NativeMemory.writeFloats(z, out, start, count);
        }
    }
}
