package io.github.keras4j.engine;

import io.github.keras4j.layers.Dropout;

import io.github.keras4j.losses.MeanSquaredError;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.layers.Activation;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Layer;
import io.github.keras4j.layers.Parameter;
import io.github.keras4j.layers.Shape;
import io.github.keras4j.losses.BinaryCrossentropy;
import io.github.keras4j.losses.CategoricalCrossentropy;
import io.github.keras4j.losses.Loss;
import io.github.keras4j.losses.SparseCategoricalCrossentropy;
import io.github.keras4j.optimizers.SGD;
import io.github.keras4j.testing.GradientCheck;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * One training step: the fused output-activation + loss path gives the same loss, predictions and
 * updated weights as the general path (loss gradient, then the activation's backward), and applies the
 * gradient of the loss.
 */
class LayerStackTest {
    private static final int ROWS = 6;
    private static final int INPUTS = 4;
    private static final double LEARNING_RATE = 0.1;

    @Test
    void softmaxCategoricalCrossentropyFusedStepEqualsUnfused() {
        assertNotNull(new CategoricalCrossentropy().fusedWith(new Dense(3, "softmax").activation()));
        assertSameStep(() -> stack(new Dense(5, "tanh"), new Dense(3, "softmax")), new CategoricalCrossentropy(), oneHot(3, 1), 3);
    }

    @Test
    void softmaxSparseCategoricalCrossentropyFusedStepEqualsUnfused() {
        double[] labels = {0, 2, 1, 1, 0, 2};
        assertSameStep(() -> stack(new Dense(5, "relu"), new Dense(3, "softmax")), new SparseCategoricalCrossentropy(),
                GradientCheck.doubles(labels, ROWS), 3);
    }

    @Test
    void sigmoidBinaryCrossentropyFusedStepEqualsUnfused() {
        double[] labels = {1, 0, 0, 1, 1, 0};
        assertSameStep(() -> stack(new Dense(5, "tanh"), new Dense(1, "sigmoid")), new BinaryCrossentropy(),
                GradientCheck.doubles(labels, ROWS, 1), 1);
    }

    @Test
    void separateActivationLayerTrainsLikeDenseWithTheActivation() {
        INDArray x = input(7);
        INDArray y = oneHot(3, 8);
        LayerStack dense = stack(new Dense(5, "tanh"), new Dense(3, "softmax"));
        LayerStack separate = stack(new Dense(5, "tanh"), new Dense(3), new Activation("softmax"));
        randomizeWeights(dense, 9);
        copyWeights(dense, separate);
        double a = dense.trainStep(x, y, new CategoricalCrossentropy(), new SGD(LEARNING_RATE)).loss();
        double b = separate.trainStep(x, y, new CategoricalCrossentropy(), new SGD(LEARNING_RATE)).loss();
        assertEquals(a, b, 1e-12);
        assertWeightsEqual(dense, separate, 1e-12);
    }

    @Test
    void stepMovesTheWeightsAlongTheNumericalGradient() {
        // fused, from logits, unfused softmax (staged on the output layer), and mean squared error after a sigmoid
        // output (Nielsen's network) and after a layer without an activation (Dropout at rate 0), the general path.
        for (Loss loss : List.of(new CategoricalCrossentropy(), new CategoricalCrossentropy(true), unfused(new CategoricalCrossentropy()),
                new MeanSquaredError(), unfused(new MeanSquaredError()))) {
            boolean mse = loss.name().equals("mean_squared_error");
            String output = loss instanceof CategoricalCrossentropy c && c.fromLogits() ? "linear" : mse ? "sigmoid" : "softmax";
            boolean lastWithoutActivation = mse && !(loss instanceof MeanSquaredError);
            LayerStack stack = lastWithoutActivation ? stack(new Dense(5, "sigmoid"), new Dense(3, output), new Dropout(0))
                    : stack(new Dense(5, "sigmoid"), new Dense(3, output));
            randomizeWeights(stack, 10);
            INDArray x = input(11);
            INDArray y = oneHot(3, 12);
            List<Parameter> params = stack.weights();
            double[][] before = new double[params.size()][];
            double[][] numeric = new double[params.size()][];
            for (int k = 0; k < params.size(); k++) {
                INDArray value = params.get(k).value();
                before[k] = NativeMemory.read(value);
                numeric[k] = GradientCheck.numericalGradient(w -> {
                    NativeMemory.write(w, value);
                    return loss.compute(y, stack.forward(x, false)).value();
                }, before[k].clone());
                NativeMemory.write(before[k], value);
            }
            stack.trainStep(x, y, loss, new SGD(LEARNING_RATE));
            for (int k = 0; k < params.size(); k++) {
                double[] after = NativeMemory.read(params.get(k).value());
                double[] applied = new double[after.length];
                for (int i = 0; i < after.length; i++) {
                    applied[i] = (before[k][i] - after[i]) / LEARNING_RATE; // SGD: w -= lr * g
                }
                GradientCheck.assertMatches(loss.name() + " " + params.get(k).name(), applied, numeric[k]);
            }
        }
    }

    /** Trains two identical stacks one step, one with {@code loss} and one with its unfused twin, and compares. */
    private static void assertSameStep(java.util.function.Supplier<LayerStack> build, Loss loss, INDArray y, int units) {
        LayerStack fused = build.get();
        LayerStack general = build.get();
        randomizeWeights(fused, 1);
        copyWeights(fused, general);
        Layer out = fused.layers().get(fused.layers().size() - 1);
        assertNotNull(loss.fusedWith(((Dense) out).activation()), "the fused path is taken");
        Loss twin = unfused(loss);
        assertNull(twin.fusedWith(((Dense) out).activation()), "the general path is taken");
        INDArray x = input(2);
        LayerStack.StepResult a = fused.trainStep(x, y, loss, new SGD(LEARNING_RATE));
        double[] predictionsA = NativeMemory.read(a.predictions());
        LayerStack.StepResult b = general.trainStep(x, y, twin, new SGD(LEARNING_RATE));
        assertEquals(units, a.predictions().size(1));
        assertEquals(b.loss(), a.loss(), 1e-12, "loss");
        assertArrayEquals(NativeMemory.read(b.predictions()), predictionsA, 1e-15, "predictions");
        assertWeightsEqual(fused, general, 1e-10);
    }

    /** The same loss without its fused form, so the stack takes the general path. */
    private static Loss unfused(Loss loss) {
        return new Loss() {
            @Override
            public String name() {
                return loss.name();
            }

            @Override
            public double compute(double[] yTrue, double[] yPred, double[] grad, int rows, int width, int trueWidth) {
                return loss.compute(yTrue, yPred, grad, rows, width, trueWidth);
            }
        };
    }

    private static LayerStack stack(Layer... layers) {
        LayerStack stack = new LayerStack();
        for (Layer layer : layers) {
            stack.add(layer);
        }
        stack.build(Shape.of(INPUTS), DataType.DOUBLE);
        return stack;
    }

    private static void randomizeWeights(LayerStack stack, long seed) {
        for (Parameter p : stack.weights()) {
            p.value().assign(GradientCheck.doubles(GradientCheck.randomVector((int) p.size(), seed++), p.value().shape()));
        }
    }

    private static void copyWeights(LayerStack from, LayerStack to) {
        List<Parameter> a = from.weights();
        List<Parameter> b = to.weights();
        assertEquals(a.size(), b.size());
        for (int k = 0; k < a.size(); k++) {
            b.get(k).value().assign(a.get(k).value());
        }
    }

    private static void assertWeightsEqual(LayerStack a, LayerStack b, double tolerance) {
        List<Parameter> pa = a.weights();
        List<Parameter> pb = b.weights();
        for (int k = 0; k < pa.size(); k++) {
            assertArrayEquals(NativeMemory.read(pb.get(k).value()), NativeMemory.read(pa.get(k).value()), tolerance, pa.get(k).name());
        }
    }

    private static INDArray input(long seed) {
        return GradientCheck.doubles(GradientCheck.randomVector(ROWS * INPUTS, seed), ROWS, INPUTS);
    }

    private static INDArray oneHot(int classes, long seed) {
        Random r = new Random(seed);
        double[] y = new double[ROWS * classes];
        for (int row = 0; row < ROWS; row++) {
            y[row * classes + r.nextInt(classes)] = 1;
        }
        return GradientCheck.doubles(y, ROWS, classes);
    }
}
