package io.github.keras4j.examples.lessons;

import io.github.keras4j.losses.Loss;

/**
 * The quadratic cost of Nielsen's {@code network.py}: per sample {@code C = 1/2 * sum_j (a_j - y_j)^2} over the
 * outputs, then the mean over the mini-batch, so that plain SGD with learning rate {@code eta} makes exactly
 * {@code network.py}'s update {@code w -= eta/m * sum_x dC_x/dw}.
 *
 * <p>Keras' {@code "mse"} is the mean over the outputs instead of half the sum: for 10 outputs its gradient is
 * 2/10 of this one, five times smaller, so {@code SGD(3.0)} with {@code "mse"} learns like {@code network.py}
 * with {@code eta = 0.6}.
 */
public final class QuadraticCost extends Loss {
    @Override
    public String name() {
        return "quadratic_cost";
    }

    @Override
    public double compute(double[] yTrue, double[] yPred, double[] grad, int rows, int width, int trueWidth) {
        if (trueWidth != width) {
            throw new IllegalArgumentException("quadratic_cost needs one-hot labels as wide as the output (" + width
                    + "), got labels of width " + trueWidth + ". One-hot encode them with Utils.toCategorical(y, " + width + ").");
        }
        int n = rows * width;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double d = yPred[i] - yTrue[i];
            sum += d * d;
            grad[i] = d / rows; // d/da of (1/rows) * sum_x 1/2 (a - y)^2
        }
        return 0.5 * sum / rows;
    }
}
