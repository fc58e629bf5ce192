package io.github.keras4j.layers;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.testing.GradientCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DenseTest {
    @Test
    void reluGoldenFromKerasFormula() {
        Dense dense = new Dense(2, "relu");
        dense.build(Shape.of(2));
        dense.kernel().value().assign(Nd4j.createFromArray(new float[][] {{1, -2}, {3, -4}}));
        dense.bias().value().assign(Nd4j.createFromArray(5f, -6f));
        INDArray out = dense.forward(Nd4j.createFromArray(new float[][] {{-1, 2}}), false);
        // [-1, 2] . [[1,-2],[3,-4]] + [5,-6] = [10, -12]; relu -> [10, 0]
        assertArrayEquals(new double[] {10, 0}, NativeMemory.read(out));
    }

    @Test
    void shapesAndParameterCounts() {
        Dense dense = new Dense(3);
        dense.build(Shape.of(5));
        assertEquals(Shape.of(3), dense.computeOutputShape(Shape.of(5)));
        assertArrayEquals(new long[] {5, 3}, dense.kernel().value().shape());
        assertArrayEquals(new long[] {3}, dense.bias().value().shape());
        assertEquals(5 * 3 + 3, dense.countParams());
        assertEquals(2, dense.weights().size());

        Dense noBias = new Dense(3).useBias(false);
        noBias.build(Shape.of(5));
        assertNull(noBias.bias());
        assertEquals(15, noBias.countParams());

        Dense seq = new Dense(3);
        seq.build(Shape.of(4, 5)); // acts on the last axis
        assertEquals(Shape.of(4, 3), seq.computeOutputShape(Shape.of(4, 5)));
        assertArrayEquals(new long[] {5, 3}, seq.kernel().value().shape());
        assertArrayEquals(new long[] {2, 4, 3}, seq.forward(Nd4j.rand(DataType.FLOAT, 2, 4, 5), false).shape());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"linear", "relu", "sigmoid", "tanh", "softmax", "gelu", "elu"})
    void gradientCheckWithActivation(String activation) {
        GradientCheck.checkLayer(dense(new Dense(3, activation), 4, 11), input(11, 5, 4), 12);
    }

    @Test
    void gradientCheckWithoutBias() {
        Dense dense = dense(new Dense(3, "tanh").useBias(false), 4, 21);
        assertEquals(1, dense.weights().size());
        GradientCheck.checkLayer(dense, input(22, 5, 4), 23);
    }

    @Test
    void gradientCheckOnRank3Input() {
        GradientCheck.checkLayer(dense(new Dense(3, "sigmoid"), Shape.of(3, 4), 31), input(32, 2, 3, 4), 33);
        GradientCheck.checkLayer(dense(new Dense(2), Shape.of(3, 4), 34), input(35, 2, 3, 4), 36);
    }

    @Test
    void inferenceAndTrainingForwardAgree() {
        Dense dense = dense(new Dense(3, "softmax"), 4, 41);
        INDArray x = input(42, 6, 4);
        assertArrayEquals(NativeMemory.read(dense.forward(x, false)), NativeMemory.read(dense.forward(x, true).dup()), 0);
    }

    private static Dense dense(Dense dense, int inputDim, long seed) {
        return dense(dense, Shape.of(inputDim), seed);
    }

    /** {@code dense} built in float64 for samples of {@code inputShape}, with random kernel and bias. */
    private static Dense dense(Dense dense, Shape inputShape, long seed) {
        dense.build(inputShape, DataType.DOUBLE);
        for (Parameter p : dense.weights()) {
            double[] w = GradientCheck.randomVector((int) p.size(), seed++);
            p.value().assign(GradientCheck.doubles(w, p.value().shape()));
        }
        return dense;
    }

    private static INDArray input(long seed, long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return GradientCheck.doubles(GradientCheck.randomVector((int) n, seed), shape);
    }
}
