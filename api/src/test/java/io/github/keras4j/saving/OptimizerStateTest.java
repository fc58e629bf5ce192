package io.github.keras4j.saving;

import io.github.keras4j.engine.LayerStack;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Parameter;
import io.github.keras4j.losses.Loss;
import io.github.keras4j.losses.SparseCategoricalCrossentropy;
import io.github.keras4j.optimizers.Adagrad;
import io.github.keras4j.optimizers.Optimizer;
import io.github.keras4j.optimizers.RMSprop;
import io.github.keras4j.random.SeedGenerator;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * RMSprop (plain, with momentum, centered) and Adagrad keep their state through a {@code .keras} file: step
 * count, learning rate and every slot, stored in the order Keras 3 creates its optimizer variables.
 */
class OptimizerStateTest {
    @TempDir
    Path dir;

    static Stream<Arguments> optimizers() {
        return Stream.of(
                Arguments.of("RMSprop", (Supplier<Optimizer>) () -> new RMSprop(0.01)),
                Arguments.of("RMSprop momentum", (Supplier<Optimizer>) () -> new RMSprop(0.01, 0.9, 0.5, 1e-7, false)),
                Arguments.of("RMSprop centered", (Supplier<Optimizer>) () -> new RMSprop(0.01, 0.9, 0.0, 1e-7, true)),
                Arguments.of("RMSprop momentum centered", (Supplier<Optimizer>) () -> new RMSprop(0.005, 0.8, 0.9, 1e-6, true)),
                Arguments.of("Adagrad", (Supplier<Optimizer>) () -> new Adagrad(0.1)),
                Arguments.of("Adagrad initial 0.5", (Supplier<Optimizer>) () -> new Adagrad(0.05, 0.5, 1e-6)));
    }

    private static LayerStack model() {
        SeedGenerator.setGlobalSeed(41);
        return TestModels.stack(List.of(new Dense(5, "tanh").inputShape(4), new Dense(3, "softmax")));
    }

    private Path trainAndSave(LayerStack stack, Optimizer optimizer, Loss loss, int steps) {
        TestModels.train(stack, loss, optimizer, TestModels.inputs(3, 24, 4), TestModels.labels(4, 24, 3), steps, 8);
        Path file = dir.resolve("state.keras");
        Saving.saveModel(TestModels.describe(stack, optimizer, loss, "accuracy"), file);
        return file;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void stateRoundTripsThroughAKerasFile(String name, Supplier<Optimizer> optimizers) {
        LayerStack stack = model();
        Optimizer optimizer = optimizers.get();
        Path file = trainAndSave(stack, optimizer, new SparseCategoricalCrossentropy(), 3);

        ModelDescription loaded = Saving.loadModel(file);
        Optimizer restored = loaded.compile().optimizer();

        assertEquals(optimizer.getClass(), restored.getClass());
        assertEquals(OptimizerConfigs.write(optimizer).toString(), OptimizerConfigs.write(restored).toString(), "configuration");
        assertEquals(optimizer.learningRate(), restored.learningRate());
        assertEquals(3, restored.iterations());
        assertEquals(optimizer.slotNames(), restored.slotNames());
        List<Parameter> saved = KerasWeights.parameters(stack.layers());
        List<Parameter> read = KerasWeights.parameters(loaded.layers());
        for (int p = 0; p < saved.size(); p++) {
            for (int s = 0; s < optimizer.slotNames().size(); s++) {
                assertArrayEquals(optimizer.slotsOf(saved.get(p))[s], restored.slotsOf(read.get(p))[s],
                        optimizer.slotNames().get(s) + " of " + saved.get(p).name());
            }
        }
    }

    /**
     * Keras' RMSprop.build adds the velocities of all variables, then their momentums (momentum > 0), then their
     * average gradients (centered); Adagrad.build adds one accumulator per variable. After {@code iterations} and
     * {@code learning_rate}, the file's {@code optimizer/vars} follow that order. Read here with jHDF directly.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void slotsAreStoredInTheOrderKerasCreatesThem(String name, Supplier<Optimizer> optimizers) throws Exception {
        LayerStack stack = model();
        Optimizer optimizer = optimizers.get();
        Path file = trainAndSave(stack, optimizer, new SparseCategoricalCrossentropy(), 2);
        List<Parameter> parameters = KerasWeights.parameters(stack.layers());
        List<String> kinds = optimizer instanceof Adagrad ? List.of("accumulator")
                : ((RMSprop) optimizer).momentum() > 0
                ? (((RMSprop) optimizer).centered() ? List.of("velocity", "momentum", "average_gradient") : List.of("velocity", "momentum"))
                : (((RMSprop) optimizer).centered() ? List.of("velocity", "average_gradient") : List.of("velocity"));
        assertEquals(kinds, optimizer.slotNames());

        try (HdfFile h5 = KerasFixturesTest.weightsOf(file)) {
            assertEquals(2 + kinds.size() * parameters.size(), ((Group) h5.getByPath("optimizer/vars")).getChildren().size());
            assertEquals(2L, ((Number) ((Dataset) h5.getByPath("optimizer/vars/0")).getData()).longValue(), "iterations");
            assertEquals((float) optimizer.learningRate(), ((Number) ((Dataset) h5.getByPath("optimizer/vars/1")).getData()).floatValue(),
                    "learning_rate, float32");
            int index = 2;
            for (int kind = 0; kind < kinds.size(); kind++) {
                for (Parameter p : parameters) {
                    Dataset d = (Dataset) h5.getByPath("optimizer/vars/" + index);
                    assertArrayEquals(p.value().shape(), Arrays.stream(d.getDimensions()).mapToLong(i -> i).toArray());
                    assertArrayEquals(optimizer.slotsOf(p)[kind], (float[]) d.getDataFlat(),
                            "optimizer/vars/" + index + " is the " + kinds.get(kind) + " of " + p.name());
                    index++;
                }
            }
        }
    }

    /** Keras builds the accumulators at compile time, filled with initial_accumulator_value; the file holds them so. */
    @Test
    void adagradSavedBeforeItsFirstStepHoldsItsInitialAccumulatorAndResumesExactly() throws Exception {
        LayerStack stack = model();
        Adagrad adagrad = new Adagrad(0.2, 0.3, 1e-7);
        Loss loss = new SparseCategoricalCrossentropy();
        Path file = dir.resolve("fresh.keras");
        Saving.saveModel(TestModels.describe(stack, adagrad, loss), file);
        try (HdfFile h5 = KerasFixturesTest.weightsOf(file)) {
            float[] accumulator = (float[]) ((Dataset) h5.getByPath("optimizer/vars/2")).getDataFlat();
            float[] expected = new float[accumulator.length];
            Arrays.fill(expected, 0.3f);
            assertArrayEquals(expected, accumulator);
        }
        ModelDescription loaded = Saving.loadModel(file);
        assertEquals(0, loaded.compile().optimizer().iterations());

        TestModels.train(stack, loss, adagrad, TestModels.inputs(3, 24, 4), TestModels.labels(4, 24, 3), 3, 8);
        LayerStack resumed = TestModels.stack(loaded.layers());
        TestModels.train(resumed, loaded.compile().loss(), loaded.compile().optimizer(), TestModels.inputs(3, 24, 4),
                TestModels.labels(4, 24, 3), 3, 8);
        List<float[]> expected = TestModels.weights(stack.layers());
        List<float[]> actual = TestModels.weights(resumed.layers());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "parameter " + i);
        }
    }
}
