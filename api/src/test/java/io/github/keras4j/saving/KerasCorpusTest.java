package io.github.keras4j.saving;

import io.github.keras4j.datasets.FashionMnist;
import io.github.keras4j.datasets.Mnist;
import io.github.keras4j.datasets.TestData;
import io.github.keras4j.models.Models;
import io.github.keras4j.models.Sequential;
import io.github.keras4j.utils.Utils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every model file of the corpus of real user files ({@code corpus/corpus.tsv} in the fixtures folder: tf.keras
 * 2.2 to Keras 3.14, {@code .keras} zips and legacy HDF5, Sequential and Functional) loads, and classifies the
 * 10,000 test images of its dataset, fed as its user fed them, with the accuracy the corpus records (computed
 * there by an independent float64 forward pass) within {@value #TOLERANCE}.
 *
 * <p>The CNN files need Conv2D and the pooling layers; should their codecs be missing, those files must be refused
 * with the message naming Conv2D.
 */
class KerasCorpusTest {
    /** How far keras4j's float32 accuracy may be from the corpus's float64 one: {@value} (5 of 10,000 images). */
    static final double TOLERANCE = 0.0005;
    private static final Map<String, TestData> DATASETS = new ConcurrentHashMap<>();

    /** One line of corpus.tsv. */
    record Row(String file, String dataset, int[] sampleShape, String pixels, double accuracy, String kerasVersion, String format) {
        @Override
        public String toString() {
            return file + " (Keras " + kerasVersion + ", " + format + ")";
        }
    }

    static List<Row> rows() throws IOException {
        Path tsv = Fixtures.file("corpus/corpus.tsv");
        List<String> lines = Files.readAllLines(tsv);
        assertEquals("file\tdataset\tsample_shape\tpixels\taccuracy\tkeras_version\tformat\tsha256", lines.get(0));
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            int[] shape = Arrays.stream(f[2].split(",")).mapToInt(Integer::parseInt).toArray();
            rows.add(new Row(f[0], f[1], shape, f[3], Double.parseDouble(f[4]), f[5], f[6]));
        }
        assertEquals(15, rows.size(), "the corpus lists 15 files");
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void fileLoadsAndScoresItsRecordedAccuracy(Row row) {
        Path file = Fixtures.file("corpus/" + row.file());
        Sequential model;
        try {
            model = Models.load(file);
        } catch (ModelFileException e) {
            if (!LayerCodecs.classNames().contains("Conv2D")) {
                assertTrue(e.getMessage().startsWith("Cannot load file '" + file + "': layer '")
                        && e.getMessage().contains("(Conv2D, index ") && e.getMessage().contains(" is a Conv2D layer, which keras4j does not support yet."),
                        "until keras4j has Conv2D, only a Conv2D layer may stop " + row + ": " + e.getMessage());
                System.out.println("corpus: " + row.file() + " refused until keras4j has Conv2D (expected " + row.accuracy() + ")");
                return;
            }
            throw e;
        }
        TestData data = DATASETS.computeIfAbsent(row.dataset(), KerasCorpusTest::load);
        INDArray x = pixels(data.xTest(), row.pixels()).reshape(shape(data.xTest().size(0), row.sampleShape()));
        double accuracy = accuracy(model.predict(x), data.yTest());
        System.out.println("corpus: " + row.file() + " expected " + row.accuracy() + " measured " + accuracy);
        assertEquals(row.accuracy(), accuracy, TOLERANCE, row + ": test accuracy");
    }

    private static TestData load(String dataset) {
        return switch (dataset) {
            case "mnist" -> Mnist.loadTestData();
            case "fashion-mnist" -> FashionMnist.loadTestData();
            default -> throw new IllegalArgumentException("corpus.tsv names an unknown dataset " + dataset);
        };
    }

    /** The images as the corpus README says each user fed them. */
    static INDArray pixels(INDArray images, String pixels) {
        INDArray raw = images.castTo(DataType.FLOAT);
        return switch (pixels) {
            case "div255" -> raw.div(255);
            case "raw" -> raw;
            case "l2norm_axis1" -> Utils.normalize(raw, 1);
            default -> throw new IllegalArgumentException("corpus.tsv names an unknown pixel scaling " + pixels);
        };
    }

    private static long[] shape(long n, int[] sample) {
        long[] shape = new long[sample.length + 1];
        shape[0] = n;
        for (int i = 0; i < sample.length; i++) {
            shape[i + 1] = sample[i];
        }
        return shape;
    }

    /** The fraction of rows whose largest output is the label's class (the first of equal largest, as numpy's argmax). */
    static double accuracy(INDArray probabilities, INDArray labels) {
        int[] predicted = Forward.argmax(probabilities);
        return Forward.correct(predicted, labels.castTo(DataType.INT).toIntVector()) / (double) predicted.length;
    }
}
