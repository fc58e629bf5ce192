package io.github.keras4j.saving;

import io.github.keras4j.engine.LayerStack;
import io.github.keras4j.initializers.GlorotUniform;
import io.github.keras4j.layers.Activation;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Dropout;
import io.github.keras4j.layers.Flatten;
import io.github.keras4j.layers.Layer;
import io.github.keras4j.layers.Parameter;
import io.github.keras4j.layers.Shape;
import io.github.keras4j.losses.Loss;
import io.github.keras4j.losses.MeanSquaredError;
import io.github.keras4j.losses.SparseCategoricalCrossentropy;
import io.github.keras4j.optimizers.Adagrad;
import io.github.keras4j.optimizers.Adam;
import io.github.keras4j.optimizers.Optimizer;
import io.github.keras4j.optimizers.RMSprop;
import io.github.keras4j.optimizers.SGD;
import io.github.keras4j.random.SeedGenerator;
import io.github.keras4j.regularizers.L1L2;
import io.github.keras4j.regularizers.Regularizers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** keras4j models written and read back: same layers, bit-identical weights, predictions and optimizer state. */
class RoundTripTest {
    @TempDir
    Path dir;

    private static List<Layer> mixedLayers() {
        return List.of(
                new Flatten().inputShape(4, 3),
                new Dense(8, "relu").kernelInitializer(new GlorotUniform(11)).kernelRegularizer(Regularizers.l2(0.01))
                        .biasRegularizer(Regularizers.l1l2(0.001, 0.002)),
                new Activation("tanh"),
                new Dropout(0.25, 7L),
                new Dense(5, "softmax").useBias(false).name("probabilities"));
    }

    @Test
    void savedModelLoadsWithTheSameLayersWeightsPredictionsAndOptimizerState() {
        SeedGenerator.setGlobalSeed(1);
        LayerStack stack = TestModels.stack(mixedLayers());
        Adam adam = new Adam(0.01, 0.8, 0.99, 1e-6);
        Loss loss = new SparseCategoricalCrossentropy();
        INDArray x = TestModels.inputs(5, 32, 4, 3);
        INDArray y = TestModels.labels(6, 32, 5);
        TestModels.train(stack, loss, adam, x, y, 3, 16);
        ModelDescription saved = TestModels.describe(stack, adam, loss, "acc");
        Path file = dir.resolve("model.keras");

        Saving.saveModel(saved, file);
        ModelDescription loaded = Saving.loadModel(file);

        assertEquals(Shape.of(4, 3), loaded.inputShape());
        assertEquals(List.of("flatten", "dense", "activation", "dropout", "probabilities"),
                loaded.layers().stream().map(Layer::name).toList());
        Dense hidden = (Dense) loaded.layers().get(1);
        assertEquals(8, hidden.units());
        assertEquals("relu", hidden.activation().name());
        assertEquals(11L, hidden.kernelInitializer().seed());
        assertEquals(0.01, ((io.github.keras4j.regularizers.L2) hidden.kernelRegularizer()).l2());
        assertEquals(0.001, ((L1L2) hidden.biasRegularizer()).l1());
        assertEquals(0.002, ((L1L2) hidden.biasRegularizer()).l2());
        assertEquals("tanh", ((Activation) loaded.layers().get(2)).activation().name());
        assertEquals(0.25, ((Dropout) loaded.layers().get(3)).rate());
        assertEquals(7L, ((Dropout) loaded.layers().get(3)).seed());
        assertFalse(((Dense) loaded.layers().get(4)).useBias());
        assertEquals(Shape.of(4, 3), loaded.layers().get(0).declaredInputShape());

        assertWeightsEqual(saved.layers(), loaded.layers());
        INDArray xTest = TestModels.inputs(9, 10, 4, 3);
        assertArrayEquals(Forward.predict(saved.layers(), xTest).data().asFloat(),
                Forward.predict(loaded.layers(), xTest).data().asFloat());

        Adam restored = assertInstanceOf(Adam.class, loaded.compile().optimizer());
        assertEquals(0.01, restored.learningRate());
        assertEquals(0.8, restored.beta1());
        assertEquals(0.99, restored.beta2());
        assertEquals(1e-6, restored.epsilon());
        assertEquals(3, restored.iterations());
        assertSlotsEqual(adam, saved.layers(), restored, loaded.layers());
        assertInstanceOf(SparseCategoricalCrossentropy.class, loaded.compile().loss());
        assertEquals(List.of("acc"), loaded.compile().metrics());
    }

    @Test
    void trainingResumedFromAFileMatchesUninterruptedTrainingBitForBit() {
        assertResumesExactly(() -> new Adam(0.02), new SparseCategoricalCrossentropy());
        assertResumesExactly(() -> new SGD(0.05, 0.9, true), new SparseCategoricalCrossentropy());
        assertResumesExactly(() -> new SGD(0.1), new MeanSquaredError());
    }

    @Test
    void rmspropAndAdagradResumeFromAFileBitForBit() {
        assertResumesExactly(() -> new RMSprop(0.01), new SparseCategoricalCrossentropy());
        assertResumesExactly(() -> new RMSprop(0.01, 0.9, 0.6, 1e-7, false), new SparseCategoricalCrossentropy());
        assertResumesExactly(() -> new RMSprop(0.003, 0.8, 0.0, 1e-6, true), new SparseCategoricalCrossentropy());
        assertResumesExactly(() -> new RMSprop(0.003, 0.8, 0.9, 1e-6, true), new MeanSquaredError());
        assertResumesExactly(() -> new Adagrad(0.1), new SparseCategoricalCrossentropy());
        assertResumesExactly(() -> new Adagrad(0.05, 0.5, 1e-6), new MeanSquaredError());
    }

    private void assertResumesExactly(Supplier<Optimizer> optimizers, Loss loss) {
        INDArray x = TestModels.inputs(21, 48, 6);
        INDArray y = loss instanceof MeanSquaredError ? TestModels.inputs(22, 48, 3) : TestModels.labels(22, 48, 3);
        Supplier<List<Layer>> layers = () -> List.of(new Dense(10, "sigmoid").inputShape(6), new Dense(3, loss instanceof MeanSquaredError ? "linear" : "softmax"));

        SeedGenerator.setGlobalSeed(99);
        LayerStack uninterrupted = TestModels.stack(layers.get());
        Optimizer optimizer = optimizers.get();
        TestModels.train(uninterrupted, loss, optimizer, x, y, 4, 12);
        Path file = dir.resolve("checkpoint-" + optimizer.name() + "-" + loss.name() + ".keras");
        Saving.saveModel(TestModels.describe(uninterrupted, optimizer, loss), file);
        List<float[]> atSave = TestModels.weights(uninterrupted.layers());
        TestModels.train(uninterrupted, loss, optimizer, x, y, 4, 12);

        ModelDescription loaded = Saving.loadModel(file);
        LayerStack resumed = TestModels.stack(loaded.layers());
        TestModels.train(resumed, loaded.compile().loss(), loaded.compile().optimizer(), x, y, 4, 12);

        List<float[]> expected = TestModels.weights(uninterrupted.layers());
        List<float[]> actual = TestModels.weights(resumed.layers());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), optimizer.name() + ": parameter " + i + " after resuming");
            assertFalse(java.util.Arrays.equals(atSave.get(i), expected.get(i)), "training after the save changed nothing");
        }
        assertEquals(optimizer.iterations(), loaded.compile().optimizer().iterations());
    }

    @Test
    void jsonHoldsTheArchitectureAndCompileSettingsAndRebuildsFreshLayers() {
        SeedGenerator.setGlobalSeed(3);
        LayerStack stack = TestModels.stack(mixedLayers());
        ModelDescription model = TestModels.describe(stack, new SGD(0.03, 0.5, false), new MeanSquaredError(), "mae");
        String json = Saving.toJson(model);

        ModelDescription back = Saving.fromJson(json);

        assertEquals(json, Saving.toJson(back), "the JSON of the rebuilt model");
        assertTrue(back.isBuilt());
        assertEquals(0, back.compile().optimizer().iterations());
        assertEquals(0.5, ((SGD) back.compile().optimizer()).momentum());
        Dense rebuilt = (Dense) back.layers().get(1);
        assertArrayEquals(((Dense) model.layers().get(1)).kernel().value().data().asFloat(), rebuilt.kernel().value().data().asFloat(),
                "kernel initializer seeded with 11 draws the same values");
        assertFalse(java.util.Arrays.equals(((Dense) model.layers().get(4)).kernel().value().data().asFloat(),
                ((Dense) back.layers().get(4)).kernel().value().data().asFloat()), "unseeded layers get fresh weights");
    }

    @Test
    void weightsFileCopiesWeightsAndOptimizerStateIntoAModelOfTheSameArchitecture() {
        SeedGenerator.setGlobalSeed(4);
        LayerStack a = TestModels.stack(List.of(new Dense(7, "relu").inputShape(5), new Dense(2)));
        Adam adamA = new Adam();
        TestModels.train(a, new MeanSquaredError(), adamA, TestModels.inputs(1, 8, 5), TestModels.inputs(2, 8, 2), 2, 8);
        SeedGenerator.setGlobalSeed(5);
        LayerStack b = TestModels.stack(List.of(new Dense(7, "relu").inputShape(5), new Dense(2)));
        Adam adamB = new Adam();
        Path file = dir.resolve("model.weights.h5");

        Saving.saveWeights(TestModels.describe(a, adamA, new MeanSquaredError()), file);
        Saving.loadWeights(file, TestModels.describe(b, adamB, new MeanSquaredError()));

        assertWeightsEqual(a.layers(), b.layers());
        assertEquals(2, adamB.iterations());
        assertSlotsEqual(adamA, a.layers(), adamB, b.layers());
    }

    @Test
    void weightsOfAnotherArchitectureAreRejectedWithoutChangingTheModel() {
        SeedGenerator.setGlobalSeed(6);
        LayerStack a = TestModels.stack(List.of(new Dense(7, "relu").inputShape(5), new Dense(2)));
        LayerStack b = TestModels.stack(List.of(new Dense(7, "relu").inputShape(5), new Dense(3)));
        List<float[]> before = TestModels.weights(b.layers());
        Path file = dir.resolve("a.weights.h5");
        Saving.saveWeights(TestModels.describe(a, null, null), file);

        ModelFileException e = assertThrows(ModelFileException.class,
                () -> Saving.loadWeights(file, TestModels.describe(b, null, null)));

        assertEquals("Cannot load file '" + file + "': a.weights.h5 layers/dense_1/vars/0 (kernel of Layer 'dense_1' (Dense, index 1))"
                + " has shape (7, 2) but the layer expects (7, 3). The weights do not belong to this model.", e.getMessage());
        List<float[]> after = TestModels.weights(b.layers());
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i), after.get(i));
        }
    }

    @Test
    void weightsFileNameMustEndLikeKeras() {
        LayerStack a = TestModels.stack(List.of(new Dense(2).inputShape(3)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Saving.saveWeights(TestModels.describe(a, null, null), dir.resolve("model.h5")));
        assertEquals("The weights file name must end in .weights.h5, as Keras requires; got 'model.h5'. Use e.g. 'model.weights.h5'.",
                e.getMessage());
    }

    @Test
    void unbuiltModelCannotBeSaved() {
        ModelDescription model = new ModelDescription("m", null, List.of(new Dense(3)), null);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Saving.saveModel(model, dir.resolve("m.keras")));
        assertEquals("Cannot save model 'm': it is not built yet, so it has no weights. Give the first layer an input shape, "
                + "e.g. inputShape(28, 28), or call the model on data first.", e.getMessage());
    }

    @Test
    void uncompiledAndFloat64ModelsRoundTrip() {
        SeedGenerator.setGlobalSeed(8);
        LayerStack stack = TestModels.stack(List.of(new Dense(4, "tanh").inputShape(3), new Dense(1)));
        stack.layers().forEach(l -> assertEquals(DataType.FLOAT, l.dataType()));
        Path file = dir.resolve("plain.keras");
        Saving.saveModel(TestModels.describe(stack, null, null), file);
        ModelDescription loaded = Saving.loadModel(file);
        assertNull(loaded.compile());
        assertWeightsEqual(stack.layers(), loaded.layers());

        List<Layer> doubles = List.of(new Dense(4, "tanh").name("d0"), new Dense(1).name("d1"));
        LayerStack d = new LayerStack();
        doubles.forEach(d::add);
        d.build(Shape.of(3), DataType.DOUBLE);
        Path file64 = dir.resolve("double.keras");
        Saving.saveModel(new ModelDescription("m64", Shape.of(3), doubles, null), file64);
        ModelDescription loaded64 = Saving.loadModel(file64);
        assertEquals(DataType.DOUBLE, loaded64.layers().get(0).dataType());
        assertArrayEquals(((Dense) doubles.get(0)).kernel().value().data().asDouble(),
                ((Dense) loaded64.layers().get(0)).kernel().value().data().asDouble());
    }

    static void assertWeightsEqual(List<Layer> expected, List<Layer> actual) {
        List<float[]> e = TestModels.weights(expected);
        List<float[]> a = TestModels.weights(actual);
        assertEquals(e.size(), a.size());
        for (int i = 0; i < e.size(); i++) {
            assertArrayEquals(e.get(i), a.get(i), "parameter " + i);
        }
    }

    private static void assertSlotsEqual(Optimizer expected, List<Layer> expectedLayers, Optimizer actual, List<Layer> actualLayers) {
        List<Parameter> pe = KerasWeights.parameters(expectedLayers);
        List<Parameter> pa = KerasWeights.parameters(actualLayers);
        for (int i = 0; i < pe.size(); i++) {
            float[][] se = expected.slotsOf(pe.get(i));
            float[][] sa = actual.slotsOf(pa.get(i));
            for (int k = 0; k < se.length; k++) {
                assertArrayEquals(se[k], sa[k], "slot " + k + " of " + pe.get(i).name());
            }
        }
    }
}
