package io.github.keras4j.layers;

/**
 * Keras' GlobalMaxPooling2D: the largest value of each channel over all pixels, {@code (batch, h, w, c)} to
 * {@code (batch, c)}; of equal values the first pixel (row by row) receives the gradient.
 */
public class GlobalMaxPooling2D extends GlobalPooling2D {
    private int[] winner = new int[0];

    @Override
    protected void reduce(double[] v, int batch, int pixels, int c, double[] out, boolean training) {
        int[] at = winner;
        if (training && at.length < batch * c) {
            at = winner = new int[batch * c];
        }
        for (int n = 0; n < batch; n++) {
            for (int j = 0; j < c; j++) {
                int best = n * pixels * c + j;
                for (int p = 1; p < pixels; p++) {
                    int i = (n * pixels + p) * c + j;
                    if (v[i] > v[best]) { // strictly greater: the first of equal values wins
                        best = i;
                    }
                }
                out[n * c + j] = v[best];
                if (training) {
                    at[n * c + j] = best;
                }
            }
        }
    }

    @Override
    protected void spread(double[] g, int batch, int pixels, int c, double[] dx) {
        java.util.Arrays.fill(dx, 0, batch * pixels * c, 0);
        for (int i = 0; i < batch * c; i++) {
            dx[winner[i]] = g[i];
        }
    }
}
