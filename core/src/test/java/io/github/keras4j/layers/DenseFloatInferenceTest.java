package io.github.keras4j.layers;

import io.github.keras4j.backend.NativeMemory;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Inference on a float32 Dense with relu or linear stages float32 values instead of doubles; it must give the
 * very bits the double-staged path gives (the training forward still takes that path).
 */
class DenseFloatInferenceTest {
    @Test
    void reluWithBiasMatchesTheDoublePathBitForBit() {
        assertSameBits(new Dense(37, "relu"), 41);
    }

    @Test
    void linearWithBiasMatchesTheDoublePathBitForBit() {
        assertSameBits(new Dense(5), 42);
    }

    @Test
    void linearWithoutBiasIsThePlainProduct() {
        assertSameBits(new Dense(6).useBias(false), 43);
    }

    @Test
    void reluWithoutBiasMatchesTheDoublePathBitForBit() {
        assertSameBits(new Dense(7, "relu").useBias(false), 44);
    }

    @Test
    void specialValuesPassThroughAsInTheDoublePath() {
        Dense dense = new Dense(3, "relu");
        dense.build(Shape.of(2));
        dense.kernel().value().assign(Nd4j.createFromArray(new float[][] {{1, 0, 1}, {0, 1, -1}}));
        dense.bias().value().assign(Nd4j.createFromArray(0f, -0f, 1e30f));
        INDArray x = Nd4j.createFromArray(new float[][] {{-0f, Float.NaN}, {3e38f, -3e38f}, {-5, 2}});
        float[] inference = floats(dense.forward(x, false));
        float[] training = floats(dense.forward(x, true));
        assertArrayEquals(training, inference);
        assertEquals(Float.POSITIVE_INFINITY, inference[5]); // 3e38 + 3e38 + 1e30 overflows float32 in both paths
    }

    private static void assertSameBits(Dense dense, long seed) {
        Random random = new Random(seed);
        dense.build(Shape.of(29));
        for (Parameter p : dense.weights()) {
            p.value().assign(randomFloats(random, p.value().shape()));
        }
        for (int rows : new int[] {1, 3, 64, 257}) {
            INDArray x = randomFloats(random, rows, 29);
            float[] inference = floats(dense.forward(x, false));
            float[] training = floats(dense.forward(x, true));
            assertArrayEquals(training, inference, "rows " + rows); // exact: compares the float bits
        }
    }

    private static INDArray randomFloats(Random random, long... shape) {
        INDArray a = Nd4j.create(DataType.FLOAT, shape);
        float[] v = new float[(int) a.length()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextGaussian() * 3);
        }
        NativeMemory.writeFloats(v, a);
        return a;
    }

    private static float[] floats(INDArray a) {
        float[] v = new float[(int) a.length()];
        NativeMemory.readFloats(a, v);
        return v;
    }
}
