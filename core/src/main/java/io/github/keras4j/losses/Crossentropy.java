package io.github.keras4j.losses;

/**
 * The arithmetic shared by categorical and sparse categorical cross-entropy. Labels are either dense
 * ({@code rows x width}) or sparse ({@code rows} class indices).
 */
final class Crossentropy {
    private Crossentropy() {
    }

    /**
     * From probabilities p, renormalised per row and clipped to [eps, 1 - eps] as Keras does:
     * {@code L = -sum_j y_j log c_j}, {@code c = clip(p / sum p)}. The gradient passes through the
     * renormalisation: {@code dL/dp_i = (dL/dq_i - sum_j dL/dq_j q_j) / s}, and is zero where clipped.
     */
    static double fromProbabilities(double[] y, double[] p, double[] grad, int rows, int width, boolean sparse, double eps) {
        double total = 0;
        for (int r = 0; r < rows; r++) {
            int o = r * width;
            double s = 0;
            for (int j = 0; j < width; j++) {
                s += p[o + j];
            }
            double dot = 0;
            for (int j = 0; j < width; j++) {
                double q = p[o + j] / s;
                double c = Math.min(Math.max(q, eps), 1 - eps);
                double yj = label(y, r, j, width, sparse);
                total -= yj == 0 ? 0 : yj * Math.log(c);
                double dq = (q > eps && q < 1 - eps) ? -yj / c : 0;
                grad[o + j] = dq;
                dot += dq * q;
            }
            for (int j = 0; j < width; j++) {
                grad[o + j] = (grad[o + j] - dot) / s / rows;
            }
        }
        return total / rows;
    }

    /**
     * From logits z: {@code L = -sum_j y_j (z_j - logsumexp(z))}, {@code dL/dz_j = softmax_j * sum(y) - y_j}.
     * When {@code softmax} is given (the output layer's activation) it is used instead of recomputing it.
     */
    static double fromLogits(double[] y, double[] z, double[] softmax, double[] grad, int rows, int width, boolean sparse) {
        double total = 0;
        for (int r = 0; r < rows; r++) {
            int o = r * width;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < width; j++) {
                max = Math.max(max, z[o + j]);
            }
            double sumExp = 0;
            for (int j = 0; j < width; j++) {
                sumExp += Math.exp(z[o + j] - max);
            }
            double logSumExp = max + Math.log(sumExp);
            double ySum = 0;
            for (int j = 0; j < width; j++) {
                double yj = label(y, r, j, width, sparse);
                ySum += yj;
                if (yj != 0) {
                    total -= yj * (z[o + j] - logSumExp);
                }
            }
            for (int j = 0; j < width; j++) {
                double pj = softmax != null ? softmax[o + j] : Math.exp(z[o + j] - logSumExp);
                grad[o + j] = (pj * ySum - label(y, r, j, width, sparse)) / rows;
            }
        }
        return total / rows;
    }

    private static double label(double[] y, int row, int j, int width, boolean sparse) {
        if (!sparse) {
            return y[row * width + j];
        }
        return (int) y[row] == j ? 1 : 0;
    }
}
