package io.github.keras4j.layers;

import io.github.keras4j.backend.NativeMemory;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReshapeRescalingTest {
    @Test
    void reshapeKeepsRowMajorOrderAndInfersOneDimension() {
        Reshape reshape = new Reshape(-1, 2);
        assertEquals(Shape.of(3, 2), reshape.computeOutputShape(Shape.of(6)));
        INDArray x = Nd4j.createFromArray(new float[][] {{0, 1, 2, 3, 4, 5}});
        INDArray y = reshape.forward(x, false);
        assertArrayEquals(new long[] {1, 3, 2}, y.shape());
        assertEquals(3f, y.getFloat(0, 1, 1));
        assertEquals(Shape.of(28, 28, 1), new Reshape(28, 28, 1).computeOutputShape(Shape.of(28, 28)));
    }

    @Test
    void reshapeRefusesAShapeOfAnotherSize() {
        Reshape reshape = new Reshape(5, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> reshape.computeOutputShape(Shape.of(28, 28)));
        assertEquals("Layer 'reshape' (Reshape) cannot reshape input (None, 28, 28) (784 values per sample) to (None, 5, 5): the"
                + " target must hold the same number of values. Use a target shape whose sizes multiply to 784, or -1 for one of them.",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Reshape(-1, -1));
        assertEquals("Reshape can infer one dimension only, but the target shape [-1, -1] has 2 dimensions of -1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Reshape(3, 0));
        assertEquals("Reshape target dimensions must be >= 1, or -1 for one dimension to infer; got [3, 0]", e.getMessage());
    }

    @Test
    void rescalingComputesInFloat32AsKerasDoes() {
        Rescaling rescaling = new Rescaling(1 / 255.0, -0.5);
        float[] in = {0, 1, 128, 255};
        INDArray y = rescaling.forward(Nd4j.createFromArray(new float[][] {in}), false);
        float[] out = new float[4];
        NativeMemory.readFloats(y, out);
        float scale = (float) (1 / 255.0);
        for (int i = 0; i < 4; i++) {
            assertEquals(in[i] * scale + -0.5f, out[i], 0f, "float32 multiply, then float32 add");
        }
        assertEquals(0.0, new Rescaling(2).offset());
    }

    @Test
    void rescalingBackwardScalesTheGradient() {
        Rescaling rescaling = new Rescaling(0.25, 3);
        rescaling.build(Shape.of(2), DataType.DOUBLE);
        rescaling.forward(Nd4j.createFromArray(new double[][] {{1, 2}}), true);
        assertArrayEquals(new double[] {0.25, -0.5}, NativeMemory.read(rescaling.backward(Nd4j.createFromArray(new double[][] {{1, -2}}))));
    }
}
