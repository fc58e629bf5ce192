package io.github.keras4j.layers;

import io.github.keras4j.backend.NativeMemory;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A hidden float32 Dense layer through relu or linear trains in place, staging nothing (its layer stack turns
 * {@code stageForLoss} off); its output, input gradient and weight gradients must be the very bits of the staged
 * path, which the model's output layer keeps.
 */
class DenseFloatTrainingTest {
    @Test
    void reluWithBias() {
        assertSameBits(() -> new Dense(37, "relu"), 51);
    }

    @Test
    void reluWithoutBias() {
        assertSameBits(() -> new Dense(9, "relu").useBias(false), 52);
    }

    @Test
    void linearWithBias() {
        assertSameBits(() -> new Dense(5), 53);
    }

    @Test
    void linearWithoutBiasPassesTheGradientThrough() {
        assertSameBits(() -> new Dense(6).useBias(false), 54);
    }

    @Test
    void otherActivationsStillStage() {
        Dense sigmoid = new Dense(4, "sigmoid");
        sigmoid.build(Shape.of(3));
        sigmoid.stageForLoss(false);
        sigmoid.forward(Nd4j.rand(DataType.FLOAT, 2, 3), true);
        assertNotNull(sigmoid.lastOutput(), "sigmoid has no exact float32 derivative, so it stages");
        Dense relu = new Dense(4, "relu");
        relu.build(Shape.of(3));
        relu.stageForLoss(false);
        relu.forward(Nd4j.rand(DataType.FLOAT, 2, 3), true);
        assertNull(relu.lastOutput(), "a hidden relu layer stages nothing");
    }

    private interface Factory {
        Dense make();
    }

    private static void assertSameBits(Factory factory, long seed) {
        Random random = new Random(seed);
        Dense staged = factory.make();
        Dense inPlace = factory.make();
        staged.build(Shape.of(29));
        inPlace.build(Shape.of(29));
        inPlace.stageForLoss(false);
        for (int k = 0; k < staged.weights().size(); k++) {
            INDArray value = randomFloats(random, staged.weights().get(k).value().shape());
            staged.weights().get(k).value().assign(value);
            inPlace.weights().get(k).value().assign(value);
        }
        for (int rows : new int[] {1, 3, 64, 300}) { // 300 rows of 37 cross a staging chunk boundary
            INDArray x = randomFloats(random, rows, 29);
            assertArrayEquals(floats(staged.forward(x, true)), floats(inPlace.forward(x, true)), "output, " + rows + " rows");
            INDArray g = randomFloats(random, rows, staged.units());
            assertArrayEquals(floats(staged.backward(g)), floats(inPlace.backward(g)), "input gradient, " + rows + " rows");
            List<Parameter> a = staged.weights();
            List<Parameter> b = inPlace.weights();
            for (int k = 0; k < a.size(); k++) {
                assertArrayEquals(floats(a.get(k).gradient()), floats(b.get(k).gradient()), a.get(k).localName() + " gradient, " + rows + " rows");
            }
        }
    }

    private static INDArray randomFloats(Random random, long... shape) {
        INDArray a = NativeMemory.create(DataType.FLOAT, shape);
        float[] v = new float[(int) a.length()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextGaussian() * (i % 7 == 0 ? 1e-3 : 1)); // some values near zero, where relu's mask matters
        }
        NativeMemory.writeFloats(v, a);
        return a;
    }

    private static float[] floats(INDArray a) {
        float[] v = new float[(int) a.length()];
        NativeMemory.readFloats(NativeMemory.contiguous(a), v);
        return v;
    }
}
