package io.github.keras4j.examples.lessons;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuadraticCostTest {
    private final QuadraticCost cost = new QuadraticCost();

    @Test
    void isHalfTheSumOverOutputsAveragedOverTheBatch() {
        double[] y = {1, 0, 0, 1};
        double[] p = {0.5, 0.5, 0.0, 0.0};
        double[] grad = new double[4];
        // sample 1: 1/2 (0.25 + 0.25) = 0.25; sample 2: 1/2 (0 + 1) = 0.5; mean 0.375
        assertEquals(0.375, cost.compute(y, p, grad, 2, 2, 2), 1e-15);
        // dC/da = (a - y) / batch
        assertEquals(-0.25, grad[0], 1e-15);
        assertEquals(0.25, grad[1], 1e-15);
        assertEquals(0.0, grad[2], 1e-15);
        assertEquals(-0.5, grad[3], 1e-15);
    }

    @Test
    void gradientMatchesCentralDifferences() {
        Random random = new Random(3);
        int rows = 4, width = 10;
        double[] y = new double[rows * width];
        double[] p = new double[rows * width];
        for (int r = 0; r < rows; r++) {
            y[r * width + random.nextInt(width)] = 1;
        }
        for (int i = 0; i < p.length; i++) {
            p[i] = random.nextDouble();
        }
        double[] grad = new double[p.length];
        cost.compute(y, p, grad, rows, width, width);
        double h = 1e-6;
        for (int i = 0; i < p.length; i++) {
            double keep = p[i];
            p[i] = keep + h;
            double plus = cost.compute(y, p, new double[p.length], rows, width, width);
            p[i] = keep - h;
            double minus = cost.compute(y, p, new double[p.length], rows, width, width);
            p[i] = keep;
            double numeric = (plus - minus) / (2 * h);
            double scale = Math.max(Math.abs(numeric), Math.abs(grad[i]));
            assertTrue(Math.abs(numeric - grad[i]) < 1e-8 || Math.abs(numeric - grad[i]) / scale < 1e-6,
                    "element " + i + ": analytic " + grad[i] + " vs numeric " + numeric);
        }
    }

    @Test
    void isFiveTimesKerasMseForTenOutputs() {
        double[] y = new double[10];
        y[3] = 1;
        double[] p = new double[10];
        for (int i = 0; i < 10; i++) {
            p[i] = 0.1 * i;
        }
        double quadratic = cost.compute(y, p, new double[10], 1, 10, 10);
        double mse = new io.github.keras4j.losses.MeanSquaredError().compute(y, p, new double[10], 1, 10, 10);
        assertEquals(5 * mse, quadratic, 1e-12);
    }

    @Test
    void sparseLabelsAreRefusedWithAHint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> cost.compute(new double[] {3}, new double[10], new double[10], 1, 10, 1));
        assertEquals("quadratic_cost needs one-hot labels as wide as the output (10), got labels of width 1."
                + " One-hot encode them with Utils.toCategorical(y, 10).", e.getMessage());
    }
}
