package io.github.keras4j.examples.data;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.datasets.TrainTestData;
import io.github.keras4j.examples.DatasetChoice;
import io.github.keras4j.utils.Utils;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * A dataset prepared the way the lessons' Keras code prepares it: images as float32 {@code [N, 28, 28]} scaled
 * to 0..1 ({@code x_train / 255}), labels one-hot ({@code to_categorical(y, 10)}), and the integer labels kept
 * beside them for printing predictions.
 */
public record ImageData(DatasetChoice choice, INDArray xTrain, INDArray yTrain, int[] trainLabels,
                        INDArray xTest, INDArray yTest, int[] testLabels) {
    /** Classes of MNIST and Fashion-MNIST alike. */
    public static final int CLASSES = 10;
    /** Pixels of one flattened image, 28 x 28. */
    public static final int PIXELS = 28 * 28;
    /** The largest pixel value of the raw images; dividing by it scales them to 0..1. */
    public static final double MAX_PIXEL = 255.0;

    private static final List<String> FASHION_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /**
     * The data for {@code choice}, scaled and one-hot encoded; with a {@code limit}, only the first {@code limit}
     * training and test samples (for quick checks).
     */
    public static ImageData load(DatasetChoice choice, Integer limit) {
        TrainTestData raw = ExampleData.load(choice);
        INDArray xTrain = first(raw.xTrain(), limit);
        INDArray yTrain = first(raw.yTrain().castTo(DataType.FLOAT), limit);
        INDArray xTest = first(raw.xTest(), limit);
        INDArray yTest = first(raw.yTest().castTo(DataType.FLOAT), limit);
        return new ImageData(choice, scale(xTrain), Utils.toCategorical(yTrain, CLASSES), labels(yTrain),
                scale(xTest), Utils.toCategorical(yTest, CLASSES), labels(yTest));
    }

    /** Training images. */
    public int trainSize() {
        return (int) xTrain.size(0);
    }

    /** Test images. */
    public int testSize() {
        return (int) xTest.size(0);
    }

    /** This data with only the first {@code n} training samples ({@code x_train[0:n]}); all of them if there are fewer. */
    public ImageData firstTrainingSamples(int n) {
        if (n >= trainSize()) {
            return this;
        }
        int[] labels = java.util.Arrays.copyOf(trainLabels, n);
        return new ImageData(choice, first(xTrain, n), first(yTrain, n), labels, xTest, yTest, testLabels);
    }

    /** The training images flattened to {@code [N, 784]} ({@code x_train.reshape(N, 28 * 28)}). */
    public INDArray xTrainFlat() {
        return xTrain.reshape('c', trainSize(), PIXELS);
    }

    /** The test images flattened to {@code [N, 784]}. */
    public INDArray xTestFlat() {
        return xTest.reshape('c', testSize(), PIXELS);
    }

    /** A class's name: the digit for MNIST, the article of clothing for Fashion-MNIST. */
    public String className(int label) {
        return choice == DatasetChoice.FASHION_MNIST ? FASHION_NAMES.get(label) : String.valueOf(label);
    }

    private static INDArray first(INDArray a, Integer n) {
        return n == null || n >= a.size(0) ? a : Utils.take(a, n).dup('c');
    }

    private static INDArray scale(INDArray images) {
        return images.castTo(DataType.FLOAT).div(MAX_PIXEL);
    }

    private static int[] labels(INDArray y) {
        double[] v = NativeMemory.read(y);
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (int) v[i];
        }
        return out;
    }
}
