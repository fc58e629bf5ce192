package io.github.keras4j.layers;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.testing.GradientCheck;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FlattenTest {
    @Test
    void flattensAllButTheBatchAxisInRowMajorOrder() {
        Flatten flatten = new Flatten();
        assertEquals(Shape.of(640), flatten.computeOutputShape(Shape.of(10, 64)));
        INDArray x = Nd4j.arange(3 * 10 * 64).castTo(DataType.FLOAT).reshape(3, 10, 64);
        INDArray out = flatten.forward(x, false);
        assertArrayEquals(new long[] {3, 640}, out.shape());
        // sample 1, position (2, 5) -> column 2 * 64 + 5, value 640 + 133
        assertEquals(640 + 2 * 64 + 5, out.getDouble(1, 2 * 64 + 5));
        assertEquals(0, flatten.countParams());
    }

    @Test
    void alreadyFlatInputPassesThrough() {
        assertEquals(Shape.of(7), new Flatten().computeOutputShape(Shape.of(7)));
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 7);
        assertArrayEquals(NativeMemory.read(x), NativeMemory.read(new Flatten().forward(x, false)));
    }

    @Test
    void gradientCheck() {
        INDArray x = GradientCheck.doubles(GradientCheck.randomVector(2 * 3 * 4, 1), 2, 3, 4);
        GradientCheck.checkLayer(new Flatten(), x, 2);
    }
}
