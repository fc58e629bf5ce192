package io.github.keras4j.models;

import io.github.keras4j.CataloguedWarnings;
import io.github.keras4j.LogCapture;
import io.github.keras4j.callbacks.History;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.utils.Utils;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mistakes that train without an error but not as meant are logged once, through SLF4J, as warnings the
 * catalogue ({@code docs/errors.md}) lists word for word: labels that cannot be probabilities for a
 * cross-entropy loss, and an initial epoch at or past the last.
 */
class TrainingWarningsTest {
    private static final FitOptions QUIET = FitOptions.defaults().withVerbose(0);

    private static Sequential classifier(String loss) {
        Utils.setRandomSeed(3);
        Sequential m = new Sequential(new Dense(3, "softmax").inputShape(4));
        m.compile("sgd", loss);
        return m;
    }

    private static List<String> warningsOfFit(Sequential m, INDArray x, INDArray y, FitOptions options) {
        try (LogCapture fit = LogCapture.of(FitData.class); LogCapture loop = LogCapture.of(FitLoop.class)) {
            m.fit(x, y, options);
            List<String> all = new java.util.ArrayList<>(fit.warnings());
            all.addAll(loop.warnings());
            return all;
        }
    }

    @Test
    void rowsThatDoNotSumToOneWarnOncePerFitNamingTheRow() throws IOException {
        INDArray x = Nd4j.rand(DataType.FLOAT, 6, 4);
        INDArray y = Utils.toCategorical(Nd4j.createFromArray(new float[] {0, 1, 2, 0, 1, 2}), 3);
        y.putRow(3, Nd4j.createFromArray(new float[] {0.5f, 0.7f, 0f}));
        y.putRow(4, Nd4j.createFromArray(new float[] {2f, 0f, 0f})); // a second bad row: still one warning
        List<String> warnings = warningsOfFit(classifier("categorical_crossentropy"), x, y, QUIET.withEpochs(3));
        assertEquals(List.of("y row 3 is [0.5, 0.7, 0.0], which sums to 1.200, not 1: loss 'categorical_crossentropy' expects each row to"
                + " be a probability distribution (values from 0 to 1 that sum to 1), such as one-hot labels from Utils.toCategorical(y,"
                + " 3). With such labels the loss can become negative and training learns nothing meaningful; check how the labels were"
                + " made. (Only the first such row is reported.)"), warnings);
        CataloguedWarnings.assertCatalogued(warnings.get(0));
    }

    @Test
    void negativeLabelsWarnForBinaryAndCategoricalCrossentropy() throws IOException {
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 4);
        INDArray y = Nd4j.createFromArray(new float[][] {{0, 1, 0}, {1, 0, 0}, {-1, 1, 1}, {0, 0, 1}});
        List<String> categorical = warningsOfFit(classifier("categorical_crossentropy"), x, y, QUIET);
        assertEquals(1, categorical.size());
        assertTrue(categorical.get(0).startsWith("y row 2 is [-1.0, 1.0, 1.0], which holds the negative value -1.0: loss"
                + " 'categorical_crossentropy' expects"), categorical.get(0));

        Utils.setRandomSeed(3);
        Sequential binary = new Sequential(new Dense(1, "sigmoid").inputShape(4));
        binary.compile("sgd", "binary_crossentropy");
        List<String> warnings = warningsOfFit(binary, x, Nd4j.createFromArray(new float[] {0, 1, 3, 1}), QUIET);
        assertEquals(List.of("y row 2 is [3.0], which holds 3.0, above 1: loss 'binary_crossentropy' expects values from 0 to 1 (0/1"
                + " labels, or probabilities). With such labels the loss can become negative and training learns nothing meaningful;"
                + " check how the labels were made. (Only the first such row is reported.)"), warnings);
        CataloguedWarnings.assertCatalogued(warnings.get(0));
    }

    @Test
    void validLabelsAndOtherLossesDoNotWarn() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 6, 4);
        INDArray soft = Nd4j.createFromArray(new float[][] {{0.2f, 0.3f, 0.5f}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0.1f, 0.1f, 0.8f},
                {1 / 3f, 1 / 3f, 1 / 3f}});
        assertEquals(List.of(), warningsOfFit(classifier("categorical_crossentropy"), x, soft, QUIET), "soft labels are probabilities");
        INDArray any = Nd4j.createFromArray(new float[][] {{-5, 7, 2}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {3, 3, 3}, {0, 0, 0}});
        assertEquals(List.of(), warningsOfFit(classifier("mse"), x, any, QUIET), "regression targets may be anything");
    }

    @Test
    void badValidationLabelsWarnToo() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 4);
        INDArray y = Utils.toCategorical(Nd4j.createFromArray(new float[] {0, 1, 2, 0}), 3);
        INDArray yVal = Nd4j.createFromArray(new float[][] {{0, 1, 0}, {0, 0, 0}});
        List<String> warnings = warningsOfFit(classifier("categorical_crossentropy"), x, y,
                QUIET.withValidationData(Nd4j.rand(DataType.FLOAT, 2, 4), yVal));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("validationData y row 1 is [0.0, 0.0, 0.0], which sums to 0.000, not 1"), warnings.get(0));
    }

    @Test
    void anInitialEpochAtOrPastTheLastWarnsAndTrainsNothing() throws IOException {
        Sequential m = classifier("categorical_crossentropy");
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 4);
        INDArray y = Utils.toCategorical(Nd4j.createFromArray(new float[] {0, 1, 2, 0}), 3);
        List<INDArray> before = m.getWeights();
        List<String> warnings;
        History h;
        try (LogCapture loop = LogCapture.of(FitLoop.class)) {
            h = m.fit(x, y, QUIET.withInitialEpoch(5).withEpochs(3));
            warnings = loop.warnings();
        }
        assertEquals(List.of("fit(): initialEpoch 5 is not below epochs 3, so no epoch is trained and the History is empty (as in"
                + " Keras). epochs is the index of the last epoch, not a count: to train 3 more epochs after epoch 5 use"
                + " withInitialEpoch(5).withEpochs(8)."), warnings);
        assertEquals(List.of(), h.epoch());
        assertEquals(before.get(0), m.getWeights().get(0), "nothing trained");
        CataloguedWarnings.assertCatalogued(warnings.get(0));
        assertEquals(List.of(), warningsOfFit(m, x, y, QUIET.withInitialEpoch(2).withEpochs(3)), "a resumed run that trains does not warn");
        assertEquals(List.of(), warningsOfFit(m, x, y, QUIET.withEpochs(0)), "epochs 0 asks for nothing and gets nothing");
    }
}
