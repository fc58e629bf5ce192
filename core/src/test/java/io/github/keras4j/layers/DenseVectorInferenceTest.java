package io.github.keras4j.layers;

import io.github.keras4j.activations.Activations;
import io.github.keras4j.backend.FloatKernels;
import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.backend.Simd;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inference through sigmoid and softmax on the Vector API path (core's tests run with it) against the training
 * forward, which stages doubles: equal within {@link FloatKernels#TOLERANCE}.
 */
class DenseVectorInferenceTest {
    @Test
    void sigmoidInferenceIsWithinTheToleranceOfTheDoublePath() {
        assertClose(new Dense(37, "sigmoid"), 51, true);
        assertClose(new Dense(30, "sigmoid").useBias(false), 52, true);
    }

    @Test
    void softmaxInferenceIsWithinTheToleranceOfTheDoublePath() {
        assertClose(new Dense(10, "softmax"), 53, false); // absolute, for probabilities
    }

    @Test
    void withoutKernelsSigmoidAndSoftmaxStageDoublesAndReluStaysBitExact() {
        assertNotNull(Simd.kernels(), "core's tests run with the Vector API");
        assertNull(BiasActivation.floatInference(Activations.get("sigmoid"), null));
        assertNull(BiasActivation.floatInference(Activations.get("softmax"), null));
        assertNull(BiasActivation.floatInference(Activations.get("tanh"), Simd.kernels()));
        assertSame(Activations.get("relu").getClass(),
                BiasActivation.floatInference(Activations.get("relu"), Simd.kernels()).getClass());
    }

    private static void assertClose(Dense dense, long seed, boolean relative) {
        Random random = new Random(seed);
        dense.build(Shape.of(29));
        for (Parameter p : dense.weights()) {
            p.value().assign(randomFloats(random, p.value().shape()));
        }
        for (int rows : new int[] {1, 3, 64, 1000}) {
            INDArray x = randomFloats(random, rows, 29);
            float[] inference = floats(dense.forward(x, false));
            float[] training = floats(dense.forward(x, true));
            for (int i = 0; i < training.length; i++) {
                double diff = Math.abs((double) training[i] - inference[i]);
                double bound = relative ? Math.max(FloatKernels.TOLERANCE * Math.abs(training[i]), FloatKernels.TINY)
                        : FloatKernels.TOLERANCE;
                assertTrue(diff <= bound,
                        "rows " + rows + ", index " + i + ": " + training[i] + " against " + inference[i]);
            }
        }
    }

    private static INDArray randomFloats(Random random, long... shape) {
        INDArray a = Nd4j.create(DataType.FLOAT, shape);
        float[] v = new float[(int) a.length()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextGaussian() * 0.5);
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
