package io.github.keras4j.saving;

import io.github.keras4j.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/** Inference through a list of built layers, and the argmax of each row. */
final class Forward {
    private Forward() {
    }

    static INDArray predict(List<Layer> layers, INDArray x) {
        INDArray out = x;
        for (Layer layer : layers) {
            out = layer.forward(out, false);
        }
        return out;
    }

    static int[] argmax(INDArray rows) {
        int n = (int) rows.size(0);
        int width = (int) rows.size(1);
        double[] v = rows.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).dup('c').data().asDouble();
        int[] out = new int[n];
        for (int r = 0; r < n; r++) {
            int best = 0;
            for (int j = 1; j < width; j++) {
                if (v[r * width + j] > v[r * width + best]) {
                    best = j;
                }
            }
            out[r] = best;
        }
        return out;
    }

    static int correct(int[] predicted, int[] labels) {
        int c = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predicted[i] == labels[i]) {
                c++;
            }
        }
        return c;
    }
}
