package io.github.keras4j.engine;

import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Shape;
import io.github.keras4j.losses.CategoricalCrossentropy;
import io.github.keras4j.optimizers.Adam;
import io.github.keras4j.random.SeedGenerator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end: three interleaved spirals of 100 noisy points each (the classic toy problem no straight
 * line separates), learned with softmax, categorical crossentropy and Adam in shuffled mini-batches.
 * Everything is seeded, so each run is the same. With these settings the network scored 0.990 to 0.993
 * for eight other data and weight seeds; the test asks for 0.95. A softmax layer alone, trained the same
 * way, scored 0.51 to 0.53: the hidden layers are what learn the spirals.
 */
class SpiralLearningTest {
    private static final int CLASSES = 3;
    private static final int PER_CLASS = 100;
    private static final int N = CLASSES * PER_CLASS;
    private static final double NOISE = 0.2;
    private static final int BATCH = 32;
    private static final int EPOCHS = 100;
    private static final double LEARNING_RATE = 0.01;

    private final float[][] x = new float[N][2];
    private final float[][] y = new float[N][CLASSES];
    private final int[] label = new int[N];

    SpiralLearningTest() {
        SplittableRandom rng = new SplittableRandom(2024);
        for (int c = 0; c < CLASSES; c++) {
            for (int i = 0; i < PER_CLASS; i++) {
                int row = c * PER_CLASS + i;
                double r = (double) i / (PER_CLASS - 1);                                     // radius 0 .. 1
                double t = 4.0 * c + 4.0 * i / (PER_CLASS - 1) + NOISE * rng.nextGaussian(); // angle, each arm 4 rad
                x[row][0] = (float) (r * Math.sin(t));
                x[row][1] = (float) (r * Math.cos(t));
                y[row][c] = 1;
                label[row] = c;
            }
        }
    }

    @Test
    void twoHiddenLayersLearnThreeSpirals() {
        SeedGenerator.setGlobalSeed(7);
        LayerStack model = new LayerStack();
        model.add(new Dense(32, "tanh"));
        model.add(new Dense(32, "relu"));
        model.add(new Dense(CLASSES, "softmax"));
        double[] losses = train(model);
        double accuracy = accuracy(model);
        assertTrue(losses[1] < 0.2 * losses[0], "mean loss fell from " + losses[0] + " (first epoch) to " + losses[1] + " (last)");
        assertTrue(accuracy >= 0.95, "train accuracy " + accuracy + " after " + EPOCHS + " epochs, expected >= 0.95");
    }

    @Test
    void aLinearModelCannotSeparateThem() {
        SeedGenerator.setGlobalSeed(7);
        LayerStack model = new LayerStack();
        model.add(new Dense(CLASSES, "softmax"));
        train(model);
        double accuracy = accuracy(model);
        assertTrue(accuracy < 0.7, "softmax regression scored " + accuracy + "; the spirals should not be linearly separable");
    }

    /** Trains for {@link #EPOCHS} epochs; returns the mean loss of the first and of the last epoch. */
    private double[] train(LayerStack model) {
        model.build(Shape.of(2), DataType.FLOAT);
        Adam adam = new Adam(LEARNING_RATE);
        CategoricalCrossentropy loss = new CategoricalCrossentropy();
        SplittableRandom shuffle = new SplittableRandom(11);
        int[] order = new int[N];
        for (int i = 0; i < N; i++) {
            order[i] = i;
        }
        double first = 0, last = 0;
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            for (int i = N - 1; i > 0; i--) { // Fisher-Yates
                int j = shuffle.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            double sum = 0;
            for (int start = 0; start < N; start += BATCH) {
                int rows = Math.min(BATCH, N - start);
                float[][] bx = new float[rows][];
                float[][] by = new float[rows][];
                for (int r = 0; r < rows; r++) {
                    bx[r] = x[order[start + r]];
                    by[r] = y[order[start + r]];
                }
                sum += model.trainStep(Nd4j.createFromArray(bx), Nd4j.createFromArray(by), loss, adam).loss() * rows;
            }
            last = sum / N;
            if (epoch == 0) {
                first = last;
            }
        }
        return new double[] {first, last};
    }

    private double accuracy(LayerStack model) {
        INDArray probabilities = model.forward(Nd4j.createFromArray(x), false);
        int correct = 0;
        for (int i = 0; i < N; i++) {
            if (probabilities.getRow(i).argMax().getInt(0) == label[i]) {
                correct++;
            }
        }
        return (double) correct / N;
    }
}
