package io.github.keras4j.models;

import io.github.keras4j.layers.BatchNormalization;
import io.github.keras4j.layers.Conv2D;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Flatten;
import io.github.keras4j.layers.GlobalMaxPooling2D;
import io.github.keras4j.layers.MaxPooling2D;
import io.github.keras4j.optimizers.Adam;
import io.github.keras4j.utils.Utils;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Small convnets learn what only a convolution sees easily: whether an image holds a horizontal or a vertical bar. */
class ConvLearningTest {
    /** {@code n} noisy 8x8 images with one bar of length 4 at a random place; label 0 horizontal, 1 vertical. */
    static INDArray[] bars(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * 64];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < 64; p++) {
                x[i * 64 + p] = (float) (0.2 * r.nextDouble());
            }
            boolean vertical = r.nextBoolean();
            int a = r.nextInt(vertical ? 5 : 8), b = r.nextInt(vertical ? 8 : 5);
            for (int k = 0; k < 4; k++) {
                int row = vertical ? a + k : a, col = vertical ? b : b + k;
                x[i * 64 + row * 8 + col] = 1;
            }
            y[i] = vertical ? 1 : 0;
        }
        return new INDArray[] {Nd4j.create(x, new long[] {n, 8, 8, 1}, 'c'), Utils.toCategorical(Nd4j.createFromArray(y), 2)};
    }

    private static double accuracyAfterTraining(Sequential model) {
        INDArray[] train = bars(600, 1), test = bars(300, 2);
        model.compile(new Adam(0.01), "categorical_crossentropy", "acc");
        model.fit(train[0], train[1], FitOptions.defaults().withVerbose(0).withEpochs(6).withBatchSize(32));
        return model.evaluate(test[0], test[1])[1];
    }

    @Test
    void aConvnetWithMaxPoolingLearnsBarOrientation() {
        Utils.setRandomSeed(5);
        Sequential model = new Sequential(new Conv2D(6, 3, "relu").inputShape(8, 8, 1), new MaxPooling2D(2), new Flatten(),
                new Dense(2, "softmax"));
        double acc = accuracyAfterTraining(model);
        assertTrue(acc > 0.95, "test accuracy " + acc);
    }

    @Test
    void withSamePaddingBatchNormalizationAndGlobalPooling() {
        Utils.setRandomSeed(6);
        Sequential model = new Sequential(new Conv2D(6, 3, "relu").padding("same").inputShape(8, 8, 1), new BatchNormalization(),
                new GlobalMaxPooling2D(), new Dense(2, "softmax"));
        double acc = accuracyAfterTraining(model);
        assertTrue(acc > 0.95, "test accuracy " + acc);
        assertTrue(model.predict(bars(4, 3)[0]).dataType() == DataType.FLOAT);
    }
}
