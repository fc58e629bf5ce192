package io.github.keras4j.layers;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class DenseTest {
    @Test
    void reluGoldenFromKerasFormula() {
        Dense dense = new Dense(2, "relu");
        dense.build(Shape.of(2));
        dense.kernel().value().assign(Nd4j.createFromArray(new float[][] {{1, -2}, {3, -4}}));
        dense.bias().value().assign(Nd4j.createFromArray(5f, -6f));
        INDArray out = dense.forward(Nd4j.createFromArray(new float[][] {{-1, 2}}), false);
        // [-1, 2] . [[1,-2],[3,-4]] + [5,-6] = [10, -12]; relu -> [10, 0]
        assertArrayEquals(new float[] {10, 0}, out.castTo(DataType.FLOAT).toFloatVector());
    }
}
