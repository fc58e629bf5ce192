package io.github.keras4j.models;

import io.github.keras4j.SyntheticData;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Dropout;
import io.github.keras4j.layers.Flatten;
import io.github.keras4j.layers.Layer;
import io.github.keras4j.optimizers.SGD;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

import static io.github.keras4j.SyntheticData.floats;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SequentialTest {
    @Test
    void defaultsAreKeras() {
        assertEquals("sequential", Sequential.DEFAULT_NAME);
        assertEquals(32, Sequential.DEFAULT_BATCH_SIZE);
        assertEquals("sequential", new Sequential().name());
    }

    @Test
    void unnamedLayersAreNamedPerModelDeterministically() {
        Sequential a = new Sequential(new Flatten().inputShape(2, 2), new Dense(3), new Dropout(0.1), new Dense(2));
        assertEquals(List.of("flatten", "dense", "dropout", "dense_1"), a.layers().stream().map(Layer::name).toList());
        // A second model starts again from "dense": names do not depend on other models.
        Sequential b = new Sequential(new Dense(3).inputShape(2), new Dense(2));
        assertEquals(List.of("dense", "dense_1"), b.layers().stream().map(Layer::name).toList());
        assertEquals("dense_1/kernel", b.layers().get(1).weights().get(0).name());
    }

    @Test
    void explicitNamesAreKeptAndMustBeUnique() {
        Sequential model = new Sequential(new Dense(3).name("hidden").inputShape(2));
        model.add(new Dense(2));
        assertEquals("dense", model.layers().get(1).name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.add(new Dense(2).name("hidden")));
        assertEquals("Model 'sequential' already has a layer named 'hidden'; layer names must be unique within a model. "
                + "Give it another name with .name(...) or leave it unnamed.", e.getMessage());
        assertEquals(2, model.layers().size());
    }

    @Test
    void popRemovesTheLastLayerAndItsNameCanBeReused() {
        Sequential model = new Sequential(new Dense(3).inputShape(2), new Dense(2));
        Layer popped = model.pop();
        assertEquals("dense_1", popped.name());
        assertEquals(1, model.layers().size());
        model.add(new Dense(4));
        assertEquals("dense_1", model.layers().get(1).name());
        assertEquals(2 * 3 + 3 + 3 * 4 + 4, model.countParams());
    }

    @Test
    void aLayerCannotBeInTwoModels() {
        Dense shared = new Dense(2).inputShape(3);
        new Sequential(shared);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Sequential(shared));
        assertTrue(e.getMessage().startsWith("Layer 'dense' (Dense, index 0) already belongs to a model"), e.getMessage());
    }

    @Test
    void buildsAsSoonAsTheInputShapeIsKnown() {
        Sequential declared = new Sequential(new Flatten().inputShape(28, 28), new Dense(4));
        assertTrue(declared.isBuilt());
        assertEquals(4, declared.getWeights().size() * 2);

        Sequential lazy = new Sequential(new Dense(4), new Dense(2));
        assertFalse(lazy.isBuilt());
        assertEquals(List.of(), lazy.getWeights());
        INDArray out = lazy.predict(Nd4j.rand(DataType.FLOAT, 5, 3));
        assertTrue(lazy.isBuilt());
        assertArrayEquals(new long[] {5, 2}, out.shape());
        assertEquals(3 * 4 + 4 + 4 * 2 + 2, lazy.countParams());
    }

    @Test
    void getWeightsReturnsCopiesInKerasOrderAndSetWeightsRoundTrips() {
        Sequential model = SyntheticData.classifier(4, 3);
        List<INDArray> w = model.getWeights();
        assertEquals(4, w.size());
        assertArrayEquals(new long[] {4, 16}, w.get(0).shape());
        assertArrayEquals(new long[] {16}, w.get(1).shape());
        assertArrayEquals(new long[] {16, 3}, w.get(2).shape());
        w.get(0).addi(1); // a copy: the model does not change
        assertFalse(java.util.Arrays.equals(floats(w.get(0)), floats(model.getWeights().get(0))));

        List<INDArray> replacement = new ArrayList<>();
        for (INDArray a : model.getWeights()) {
            replacement.add(Nd4j.rand(DataType.FLOAT, a.shape()));
        }
        model.setWeights(replacement);
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(floats(replacement.get(i)), floats(model.getWeights().get(i)));
        }
    }

    @Test
    void setWeightsWithTheWrongCountNamesEveryExpectedWeight() {
        Sequential model = SyntheticData.classifier(4, 3);
        List<INDArray> w = model.getWeights().subList(0, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.setWeights(w));
        assertEquals("setWeights expected 4 arrays, one per weight in this order: dense/kernel (4, 16), dense/bias (16,), "
                + "dense_1/kernel (16, 3), dense_1/bias (3,); but received 3. Pass the list getWeights() returns (or one like it).",
                e.getMessage());
    }

    @Test
    void setWeightsWithAWrongShapeNamesTheIndexAndParameterAndChangesNothing() {
        Sequential model = SyntheticData.classifier(4, 3);
        List<INDArray> before = model.getWeights();
        List<INDArray> w = new ArrayList<>(model.getWeights());
        w.set(0, Nd4j.ones(DataType.FLOAT, 4, 16));
        w.set(2, Nd4j.zeros(DataType.FLOAT, 3, 16));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.setWeights(w));
        assertEquals("setWeights: array 2 has shape (3, 16) but weight 2 'dense_1/kernel' has shape (16, 3). "
                + "Arrays must come in getWeights() order (kernel, bias, layer by layer).", e.getMessage());
        assertArrayEquals(floats(before.get(0)), floats(model.getWeights().get(0)), "array 0 was not assigned either");
    }

    @Test
    void setWeightsBeforeBuildOrWithNullIsRefused() {
        Sequential unbuilt = new Sequential(new Dense(2));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> unbuilt.setWeights(List.of()));
        assertTrue(e.getMessage().startsWith("setWeights() on model 'sequential', which is not built yet and has no weights."));
        Sequential model = SyntheticData.classifier(4, 3);
        assertEquals("setWeights needs a list of arrays, got null",
                assertThrows(IllegalArgumentException.class, () -> model.setWeights(null)).getMessage());
    }

    @Test
    void lifecycleMistakesAreIllegalStateWithTheFix() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 3);
        INDArray y = Nd4j.rand(DataType.FLOAT, 4, 2);
        Sequential model = new Sequential(new Dense(2).inputShape(3));
        String compileFirst = "needs a compiled model: call compile(optimizer, loss, metrics...) first, "
                + "e.g. model.compile(\"adam\", \"categorical_crossentropy\", \"acc\").";
        assertEquals("fit() " + compileFirst, assertThrows(IllegalStateException.class, () -> model.fit(x, y, 2, 1)).getMessage());
        assertEquals("evaluate() " + compileFirst, assertThrows(IllegalStateException.class, () -> model.evaluate(x, y)).getMessage());

        Sequential empty = new Sequential();
        empty.compile("sgd", "mse");
        String noLayers = "on model 'sequential_1', which has no layers. Add layers with add(...) first."; // the test's second model
        assertEquals("fit() " + noLayers, assertThrows(IllegalStateException.class, () -> empty.fit(x, y, 2, 1)).getMessage());
        assertEquals("evaluate() " + noLayers, assertThrows(IllegalStateException.class, () -> empty.evaluate(x, y)).getMessage());
        assertEquals("predict() " + noLayers, assertThrows(IllegalStateException.class, () -> empty.predict(x)).getMessage());
    }

    @Test
    void predictWorksBeforeCompileAsInKeras() {
        Sequential model = new Sequential(new Dense(2).inputShape(3));
        assertArrayEquals(new long[] {4, 2}, model.predict(Nd4j.rand(DataType.FLOAT, 4, 3)).shape());
    }

    @Test
    void compileAcceptsIdentifiersAndObjectsAndChecksMetrics() {
        Sequential model = new Sequential(new Dense(2).inputShape(3));
        model.compile("adam", "categorical_crossentropy", "acc", "mse");
        assertEquals("adam", model.optimizer().name());
        assertEquals("categorical_crossentropy", model.loss().name());
        assertEquals(List.of("acc", "mse"), model.metricNames());
        SGD sgd = new SGD(0.1);
        model.compile(sgd, "mse", "mae");
        assertSame(sgd, model.optimizer());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.compile("adam", "mse", "accuray"));
        assertTrue(e.getMessage().startsWith("Unknown metric 'accuray'. Did you mean 'accuracy'?"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> model.compile("adam", "mse", "acc", "acc"));
    }

    @Test
    void stopTrainingIsAFlagFitResets() {
        Sequential model = new Sequential(new Dense(1).inputShape(1));
        model.compile("sgd", "mse");
        model.stopTraining(true);
        assertTrue(model.stopTraining());
        var h = model.fit(Nd4j.rand(DataType.FLOAT, 4, 1), Nd4j.rand(DataType.FLOAT, 4, 1),
                FitOptions.defaults().withEpochs(2).withVerbose(0));
        assertEquals(List.of(0, 1), h.epoch(), "fit clears a stale stop request at its start");
    }
}
