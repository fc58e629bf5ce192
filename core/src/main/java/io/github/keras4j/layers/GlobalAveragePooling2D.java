package io.github.keras4j.layers;

import java.util.Arrays;

/** Keras' GlobalAveragePooling2D: the mean of each channel over all pixels, {@code (batch, h, w, c)} to {@code (batch, c)}. */
public class GlobalAveragePooling2D extends GlobalPooling2D {
    @Override
    protected void reduce(double[] v, int batch, int pixels, int c, double[] out, boolean training) {
        Arrays.fill(out, 0, batch * c, 0);
        for (int n = 0; n < batch; n++) {
            for (int p = 0; p < pixels; p++) {
                int at = (n * pixels + p) * c;
                for (int j = 0; j < c; j++) {
                    out[n * c + j] += v[at + j];
                }
            }
            for (int j = 0; j < c; j++) {
                out[n * c + j] /= pixels;
            }
        }
    }

    @Override
    protected void spread(double[] g, int batch, int pixels, int c, double[] dx) {
        for (int n = 0; n < batch; n++) {
            for (int p = 0; p < pixels; p++) {
                int at = (n * pixels + p) * c;
                for (int j = 0; j < c; j++) {
                    dx[at + j] = g[n * c + j] / pixels; // d(mean)/d(pixel) = 1 / pixels
                }
            }
        }
    }
}
