package io.github.keras4j.models;

import io.github.keras4j.LogCapture;
import io.github.keras4j.SyntheticData;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Dropout;
import io.github.keras4j.layers.Flatten;
import io.github.keras4j.utils.Utils;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every check fit runs before its first step, with the message it gives. */
class PreflightTest {
    private static final FitOptions QUIET = FitOptions.defaults().withVerbose(0);

    private static Sequential compiled(String loss, int features, int classes) {
        Sequential model = SyntheticData.classifier(features, classes);
        model.compile("adam", loss, "acc");
        return model;
    }

    private static IllegalArgumentException fitFails(Sequential model, INDArray x, INDArray y, FitOptions options) {
        float[] before = SyntheticData.floats(model.getWeights().get(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.fit(x, y, options));
        assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(SyntheticData.floats(model.getWeights().get(0))),
                "no step was taken");
        return e;
    }

    @Test
    void xAndYOfDifferentLengths() {
        IllegalArgumentException e = fitFails(compiled("mse", 4, 3), Nd4j.rand(DataType.FLOAT, 100, 4), Nd4j.rand(DataType.FLOAT, 90, 3), QUIET);
        assertEquals("x has 100 samples but y has 90: every sample needs exactly one label, so their first dimensions must be equal."
                + " Shapes: (100, 4) and (90, 3).", e.getMessage());
    }

    @Test
    void integerLabelsWithCategoricalCrossentropySuggestSparseOrToCategorical() {
        INDArray labels = Nd4j.createFromArray(new float[] {0, 1, 2, 1, 0, 2});
        IllegalArgumentException e = fitFails(compiled("categorical_crossentropy", 4, 3), Nd4j.rand(DataType.FLOAT, 6, 4), labels, QUIET);
        assertEquals("Loss 'categorical_crossentropy' needs labels of the same shape as the model output (6, 3) but received labels of"
                + " shape (6,). These look like integer class labels: use loss 'sparse_categorical_crossentropy', or one-hot encode them"
                + " with Utils.toCategorical(y, 3).", e.getMessage());
    }

    @Test
    void labelsWithTheWrongNumberOfClasses() {
        INDArray y = Utils.toCategorical(Nd4j.createFromArray(new float[] {0, 1, 3, 1}), 5);
        IllegalArgumentException e = fitFails(compiled("categorical_crossentropy", 4, 3), Nd4j.rand(DataType.FLOAT, 4, 4), y, QUIET);
        assertTrue(e.getMessage().endsWith("The labels have 5 classes but the output layer has 3 units: make the last Dense layer"
                + " Dense(5, \"softmax\")."), e.getMessage());
    }

    @Test
    void sparseLabelsOutsideTheClassRange() {
        INDArray labels = Nd4j.createFromArray(new float[] {0, 1, 2, 3, 1});
        IllegalArgumentException e = fitFails(compiled("sparse_categorical_crossentropy", 4, 3), Nd4j.rand(DataType.FLOAT, 5, 4), labels, QUIET);
        assertEquals("y[3] is 3.0 but the output layer has 3 units, so integer class labels must be whole numbers in [0, 2]. "
                + "Check the labels, or give the last Dense layer as many units as there are classes.", e.getMessage());
    }

    @Test
    void softmaxOutputWithOneUnit() {
        Sequential model = new Sequential(new Dense(4, "relu").inputShape(2), new Dense(1, "softmax"));
        model.compile("adam", "mse");
        IllegalArgumentException e = fitFails(model, Nd4j.rand(DataType.FLOAT, 8, 2), Nd4j.rand(DataType.FLOAT, 8, 1), QUIET);
        assertEquals("Layer 'dense_1' (Dense, index 1) applies softmax to 1 unit: softmax makes the outputs sum to 1, so it always"
                + " outputs 1.0 and the model cannot learn. For two classes use Dense(1, \"sigmoid\"), or Dense(2, \"softmax\") with"
                + " one-hot labels (Utils.toCategorical(y, 2)) or integer labels and 'sparse_categorical_crossentropy'.", e.getMessage());
    }

    @Test
    void nanOrInfiniteInputsOrLabels() {
        Sequential model = compiled("mse", 4, 3);
        INDArray x = Nd4j.rand(DataType.FLOAT, 10, 4);
        x.putScalar(new long[] {7, 2}, Float.NaN);
        IllegalArgumentException e = fitFails(model, x, Nd4j.rand(DataType.FLOAT, 10, 3), QUIET);
        assertEquals("x contains NaN at sample 7 (value 2 of that sample). Training on it would turn every weight into NaN: remove"
                + " those samples, or replace the values (e.g. with the feature's mean) first.", e.getMessage());

        INDArray y = Nd4j.rand(DataType.FLOAT, 10, 3);
        y.putScalar(new long[] {4, 0}, Float.POSITIVE_INFINITY);
        e = fitFails(model, Nd4j.rand(DataType.FLOAT, 10, 4), y, QUIET);
        assertTrue(e.getMessage().startsWith("y contains Infinity at sample 4 (value 0 of that sample)."), e.getMessage());

        INDArray xv = Nd4j.rand(DataType.FLOAT, 3, 4);
        xv.putScalar(new long[] {1, 1}, Float.NEGATIVE_INFINITY);
        e = fitFails(model, Nd4j.rand(DataType.FLOAT, 10, 4), Nd4j.rand(DataType.FLOAT, 10, 3),
                QUIET.withValidationData(xv, Nd4j.rand(DataType.FLOAT, 3, 3)));
        assertTrue(e.getMessage().startsWith("validationData x contains -Infinity at sample 1"), e.getMessage());
    }

    @Test
    void rawPixelValuesIntoASigmoidNetworkWarnButTrain() throws java.io.IOException {
        Sequential model = new Sequential(new Flatten().inputShape(4, 4), new Dense(8, "sigmoid"), new Dense(2, "softmax"));
        model.compile("adam", "sparse_categorical_crossentropy");
        INDArray pixels = Nd4j.createFromArray(new float[] {0, 17, 255, 128}).reshape(1, 4).repeat(0, 16 * 6).reshape('c', 24, 4, 4);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 24);
        try (LogCapture logs = LogCapture.of(FitData.class)) {
            String err = captureErr(() -> assertEquals(1, model.fit(pixels, labels, QUIET).epoch().size()));
            assertEquals(List.of("x holds whole numbers from 0 to 255, like raw pixel values, and the model has sigmoid/softmax units:"
                    + " such inputs saturate them and training stalls. Scale the data to 0..1 first, e.g. x.castTo(DataType.FLOAT).div(255)."),
                    logs.warnings(), "logged through SLF4J");
            assertTrue(!err.contains("WARNING: x holds"), "not printed to System.err: " + err);
            io.github.keras4j.CataloguedWarnings.assertCatalogued(logs.warnings().get(0));
            model.fit(pixels.div(255), labels, QUIET);
            assertEquals(1, logs.warnings().size(), "scaled data gives no warning");
        }
    }

    @Test
    void emptyArraysAndMissingBatchAxis() {
        Sequential model = compiled("mse", 4, 3);
        IllegalArgumentException e = fitFails(model, Nd4j.create(DataType.FLOAT, 0, 4), Nd4j.create(DataType.FLOAT, 0, 3), QUIET);
        assertEquals("x is empty: shape (0, 4). Pass at least one sample.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> model.predict(Nd4j.create(DataType.FLOAT, 0, 4)));
        assertEquals("x is empty: shape (0, 4). Pass at least one sample.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> model.predict(Nd4j.rand(DataType.FLOAT, 4)));
        assertEquals("x has shape (4,) but needs a batch axis and at least one feature axis, e.g. (N, 784). For a single sample"
                + " use x.reshape(1, 4); for one feature per sample use x.reshape(4, 1).", e.getMessage());
    }

    @Test
    void wrongFeatureSizeNamesTheExpectedInputShape() {
        Sequential model = compiled("mse", 4, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.predict(Nd4j.rand(DataType.FLOAT, 6, 5)));
        assertEquals("Model 'sequential' expects input of shape (None, 4) but x has shape (6, 5). Each sample has 5 values but the"
                + " model takes 4: pass data with the model's feature size, or build a new model for this data.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> model.evaluate(Nd4j.rand(DataType.FLOAT, 6, 2, 2), Nd4j.rand(DataType.FLOAT, 6, 3)));
        assertEquals("Model 'sequential' expects input of shape (None, 4) but x has shape (6, 2, 2). It has the right number of"
                + " values per sample: reshape it to (6, 4), or start the model with new Flatten().inputShape(2, 2) to take the data"
                + " as it is.", e.getMessage());
        e = fitFails(model, Nd4j.rand(DataType.FLOAT, 6, 4), Nd4j.rand(DataType.FLOAT, 6, 3),
                QUIET.withValidationData(Nd4j.rand(DataType.FLOAT, 2, 3), Nd4j.rand(DataType.FLOAT, 2, 3)));
        assertTrue(e.getMessage().startsWith("Model 'sequential' expects input of shape (None, 4) but validationData x has shape (2, 3)."));
    }

    @Test
    void validationLabelsAreCheckedToo() {
        IllegalArgumentException e = fitFails(compiled("categorical_crossentropy", 4, 3), Nd4j.rand(DataType.FLOAT, 6, 4),
                Nd4j.rand(DataType.FLOAT, 6, 3), QUIET.withValidationData(Nd4j.rand(DataType.FLOAT, 2, 4), Nd4j.zeros(DataType.FLOAT, 2)));
        assertTrue(e.getMessage().startsWith("validationData y: Loss 'categorical_crossentropy' needs labels"), e.getMessage());
    }

    @Test
    void validationSplitThatLeavesNothing() {
        IllegalArgumentException e = fitFails(compiled("mse", 4, 3), Nd4j.rand(DataType.FLOAT, 3, 4), Nd4j.rand(DataType.FLOAT, 3, 3),
                QUIET.withValidationSplit(0.7));
        assertTrue(e.getMessage().startsWith("validationSplit 0.7 of 3 samples leaves no training samples"), e.getMessage());
    }

    @Test
    void labelsOfShapeNForAnOutputOfWidthOneAreAccepted() {
        Sequential model = new Sequential(new Dense(1, "sigmoid").inputShape(2));
        model.compile("adam", "mse", "acc");
        var h = model.fit(Nd4j.rand(DataType.FLOAT, 8, 2), Nd4j.createFromArray(new float[] {0, 1, 0, 1, 1, 0, 1, 0}), QUIET);
        assertEquals(java.util.List.of("loss", "acc"), java.util.List.copyOf(h.history().keySet()));
    }

    static String captureErr(Runnable r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setErr(old);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void valueByValueMetricsNeedLabelsShapedLikeTheOutput() {
        Sequential model = SyntheticData.classifier(4, 3);
        model.compile("adam", "sparse_categorical_crossentropy", "acc", "mse");
        IllegalArgumentException e = fitFails(model, Nd4j.rand(DataType.FLOAT, 6, 4), Nd4j.zeros(DataType.FLOAT, 6), QUIET);
        assertEquals("Metric 'mse' compares labels with outputs value by value, so the labels must have the output's shape (6, 3),"
                + " but they have shape (6,). Use it with one-hot labels (Utils.toCategorical), or drop it from compile.", e.getMessage());
    }

    @Test
    void imagesIntoDenseWithoutFlattenNameTheLayerAndTheFlattenItLacks() {
        INDArray images = Nd4j.rand(DataType.FLOAT, 6, 4, 3);
        Sequential first = new Sequential(new Dense(5, "relu"), new Dense(3, "softmax"));
        first.compile("adam", "sparse_categorical_crossentropy");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> first.fit(images, Nd4j.zeros(DataType.FLOAT, 6), QUIET));
        assertEquals("Model 'sequential' outputs (None, 4, 3) but the labels have shape (6,), one row per sample: Layer 'dense'"
                + " (Dense, index 0) receives (None, 4, 3), and a Dense layer acts on the last axis only, keeping the others. Add a"
                + " Flatten layer first: start the model with new Flatten().inputShape(4, 3).", e.getMessage());

        Sequential later = new Sequential(new Dropout(0.1).inputShape(4, 3), new Dense(3, "softmax"));
        later.compile("adam", "categorical_crossentropy");
        e = assertThrows(IllegalArgumentException.class, () -> later.evaluate(images, Nd4j.zeros(DataType.FLOAT, 6, 3)));
        assertTrue(e.getMessage().endsWith("Layer 'dense' (Dense, index 1) receives (None, 4, 3), and a Dense layer acts on the last"
                + " axis only, keeping the others. Add a Flatten layer before it: model.add(new Flatten()) just before adding it."),
                e.getMessage());

        // Labels for every row of every sample fit such a model: nothing is missing then.
        assertEquals(1, later.fit(images, Nd4j.zeros(DataType.FLOAT, 6, 4, 3), QUIET).epoch().size());
    }
}
