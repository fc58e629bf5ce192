package io.github.keras4j.backend;

import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Shape;
import io.github.keras4j.utils.EnvironmentReport;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Without {@code --add-modules jdk.incubator.vector} (how this module's tests run) keras4j loads no class that names
 * the module and runs its plain-Java kernels: inference through sigmoid and softmax gives the bits of the
 * double-precision training forward, as before the Vector API path existed.
 */
class PlainKernelsTest {
    @Test
    void withoutTheModuleThePlainPathRunsAndSaysHowToEnableTheOther() {
        assertFalse(ModuleLayer.boot().findModule(Simd.MODULE).isPresent(), "api's tests run without the module");
        assertNull(Simd.kernels());
        assertEquals(Simd.describe(null, false, null), EnvironmentReport.entries().get("kernels"));
    }

    @Test
    void sigmoidAndSoftmaxInferenceGiveTheDoublePathsBits() {
        for (String activation : new String[] {"sigmoid", "softmax"}) {
            Dense dense = new Dense(10, activation);
            dense.build(Shape.of(7));
            INDArray x = Nd4j.rand(DataType.FLOAT, 33, 7).subi(0.5).muli(8);
            double[] inference = NativeMemory.read(dense.forward(x, false));
            double[] training = NativeMemory.read(dense.forward(x, true));
            assertArrayEquals(training, inference, activation);
        }
    }
}
