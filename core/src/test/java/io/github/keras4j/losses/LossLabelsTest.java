package io.github.keras4j.losses;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Label shapes each loss accepts, the messages for those it does not, and the registry. */
class LossLabelsTest {
    @Test
    void vectorLabelsFitASingleOutputUnitAsInKeras() {
        INDArray p = Nd4j.createFromArray(new float[][] {{0.8f}, {0.3f}, {0.6f}});
        INDArray column = Nd4j.createFromArray(new float[][] {{1}, {0}, {1}});
        INDArray vector = Nd4j.createFromArray(1f, 0f, 1f);
        for (Loss loss : List.of(new BinaryCrossentropy(), new MeanSquaredError(), new MeanAbsoluteError(), new Hinge())) {
            LossResult a = loss.compute(column, p);
            LossResult b = loss.compute(vector, p);
            assertEquals(a.value(), b.value(), 0, loss.name());
            assertArrayEquals(a.gradient().toDoubleVector(), b.gradient().toDoubleVector(), 0, loss.name());
            assertArrayEquals(new long[] {3, 1}, b.gradient().shape(), loss.name() + " gradient has the predictions' shape");
        }
        // -(log 0.8 + log 0.7 + log 0.6) / 3
        assertEquals(-(Math.log(0.8) + Math.log(0.7) + Math.log(0.6)) / 3, new BinaryCrossentropy().compute(vector, p).value(), 1e-6);
    }

    @Test
    void binaryCrossentropyWithOneHotLabelsAndOneUnit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BinaryCrossentropy().checkLabels(new long[] {32, 2}, new long[] {32, 1}));
        assertEquals("Loss 'binary_crossentropy' needs labels of the same shape as the model output (32, 1) but received labels of"
                + " shape (32, 2). These look like one-hot labels of 2 classes, but the output layer has 1 unit. For two classes pass one"
                + " 0/1 label per sample, shape (32, 1) (e.g. the second column of the one-hot rows), or use Dense(2, \"softmax\") with"
                + " loss 'categorical_crossentropy'.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new BinaryCrossentropy().checkLabels(new long[] {32, 10}, new long[] {32, 1}));
        assertEquals("Loss 'binary_crossentropy' needs labels of the same shape as the model output (32, 1) but received labels of"
                + " shape (32, 10). These look like one-hot labels of 10 classes, but the output layer has 1 unit. Either use"
                + " Dense(10, \"softmax\") with loss 'categorical_crossentropy'.", e.getMessage());
    }

    @Test
    void binaryCrossentropyWithIntegerLabelsAndManyUnits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BinaryCrossentropy().checkLabels(new long[] {32}, new long[] {32, 10}));
        assertEquals("Loss 'binary_crossentropy' needs labels of the same shape as the model output (32, 10) but received labels of"
                + " shape (32,). These look like integer class labels: for 10 exclusive classes use loss 'sparse_categorical_crossentropy';"
                + " for 10 independent 0/1 targets pass labels of shape (32, 10).", e.getMessage());
    }

    @Test
    void categoricalHingeWithIntegerLabels() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CategoricalHinge().checkLabels(new long[] {8}, new long[] {8, 3}));
        assertEquals("Loss 'categorical_hinge' needs labels of the same shape as the model output (8, 3) but received labels of"
                + " shape (8,). These look like integer class labels: one-hot encode them with Utils.toCategorical(y, 3).", e.getMessage());
    }

    @Test
    void hingeWithIntegerLabels() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SquaredHinge().checkLabels(new long[] {8}, new long[] {8, 3}));
        assertEquals("Loss 'squared_hinge' needs labels of the same shape as the model output (8, 3) but received labels of"
                + " shape (8,). These look like integer class labels, but 'squared_hinge' takes one -1/1 (or 0/1) target per output"
                + " unit: for 3 exclusive classes use loss 'categorical_hinge' with one-hot labels, Utils.toCategorical(y, 3).",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Hinge().checkLabels(new long[] {8, 2}, new long[] {8, 3}));
        assertEquals("Loss 'hinge' needs labels of the same shape as the model output (8, 3) but received labels of shape (8, 2).",
                e.getMessage());
    }

    @Test
    void otherMismatchesNameBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MeanAbsoluteError().checkLabels(new long[] {8, 2}, new long[] {8, 3}));
        assertEquals("Loss 'mean_absolute_error' needs labels of the same shape as the model output (8, 3) but received labels of"
                + " shape (8, 2).", e.getMessage());
    }

    @Test
    void registryIdentifiersAndAliases() {
        assertEquals(List.of("BCE", "MAE", "MSE", "bce", "binary_crossentropy", "categorical_crossentropy", "categorical_hinge", "hinge",
                "mae", "mean_absolute_error", "mean_squared_error", "mse", "sparse_categorical_crossentropy", "squared_hinge"), Losses.ids());
        assertInstanceOf(MeanAbsoluteError.class, Losses.get("mae"));
        assertInstanceOf(MeanAbsoluteError.class, Losses.get("MAE"));
        assertInstanceOf(BinaryCrossentropy.class, Losses.get("bce"));
        assertInstanceOf(SquaredHinge.class, Losses.get("squared_hinge"));
        assertInstanceOf(CategoricalHinge.class, Losses.get("categorical_hinge"));
        assertEquals(false, ((BinaryCrossentropy) Losses.get("binary_crossentropy")).fromLogits());
    }

    @Test
    void typoSuggestsTheNearest() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Losses.get("binary_crosentropy"));
        assertEquals("Unknown loss 'binary_crosentropy'. Did you mean 'binary_crossentropy'? Known losses: "
                + String.join(", ", Losses.ids()) + ".", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Losses.get("categorical_hinje"));
        assertEquals(true, e.getMessage().contains("Did you mean 'categorical_hinge'?"), e.getMessage());
    }
}
