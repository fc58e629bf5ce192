package io.github.keras4j;

import io.github.keras4j.layers.Dense;
import io.github.keras4j.models.Sequential;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/** Small seeded datasets for tests: Gaussian blobs around class centres, and blob-like 28x28 "images". */
public final class SyntheticData {
    private SyntheticData() {
    }

    /** Features and integer labels. */
    public record Labeled(INDArray x, INDArray labels) {
    }

    /** {@code n} samples of {@code features} values around one centre per class (spread {@code noise}); labels as floats. */
    public static Labeled blobs(int n, int features, int classes, double noise, long seed) {
        Random random = new Random(seed);
        double[][] centres = new double[classes][features];
        for (double[] c : centres) {
            for (int j = 0; j < features; j++) {
                c[j] = random.nextGaussian() * 3;
            }
        }
        float[][] x = new float[n][features];
        float[] labels = new float[n];
        for (int i = 0; i < n; i++) {
            int k = i % classes;
            labels[i] = k;
            for (int j = 0; j < features; j++) {
                x[i][j] = (float) (centres[k][j] + noise * random.nextGaussian());
            }
        }
        return new Labeled(Nd4j.createFromArray(x), Nd4j.createFromArray(labels));
    }

    /** {@code n} 28x28 images in [0, 1]: class k is bright in row band k (of 10), plus noise. */
    public static Labeled images(int n, long seed) {
        Random random = new Random(seed);
        float[] pixels = new float[n * 28 * 28];
        float[] labels = new float[n];
        for (int i = 0; i < n; i++) {
            int k = random.nextInt(10);
            labels[i] = k;
            for (int r = 0; r < 28; r++) {
                for (int c = 0; c < 28; c++) {
                    boolean band = r / 3 == k;
                    pixels[(i * 28 + r) * 28 + c] = (float) Math.min(1, Math.max(0, (band ? 0.8 : 0.1) + 0.1 * random.nextGaussian()));
                }
            }
        }
        return new Labeled(Nd4j.create(pixels, new long[] {n, 28, 28}, 'c'), Nd4j.createFromArray(labels));
    }

    /** A small classifier for {@code features} inputs and {@code classes} outputs. */
    public static Sequential classifier(int features, int classes) {
        Sequential model = new Sequential();
        model.add(new Dense(16, "relu").inputShape(features));
        model.add(new Dense(classes, "softmax"));
        return model;
    }

    /** Exact float contents of an array, for bit-for-bit comparisons. */
    public static float[] floats(INDArray a) {
        return a.dup('c').castTo(DataType.FLOAT).data().asFloat();
    }
}
