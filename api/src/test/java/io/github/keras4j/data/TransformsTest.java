package io.github.keras4j.data;

import io.github.keras4j.utils.Utils;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static io.github.keras4j.SyntheticData.floats;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The loops of {@link Transforms} give exactly what the ND4J and Utils calls they replace give. */
class TransformsTest {
    @Test
    void divideOneHotAndReshapeEqualDivToCategoricalAndReshape() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 7, 784).muli(255);
        INDArray y = Nd4j.createFromArray(3f, 0f, 9f, 1f, 1f, 5f, 2f);
        float[] divided = floats(x.div(255));
        Batch b = Transforms.reshape(28, 28).apply(Transforms.oneHot(10).apply(Transforms.divide(255).apply(new Batch(x.dup(), y))));
        assertArrayEquals(divided, floats(b.x()), "bit for bit");
        assertArrayEquals(new long[] {7, 28, 28}, b.x().shape());
        assertArrayEquals(floats(Utils.toCategorical(y, 10)), floats(b.y()));
        Batch ints = Transforms.divide(2).apply(new Batch(Nd4j.createFromArray(new int[][] {{2, 4}}), null));
        assertArrayEquals(new float[] {1, 2}, floats(ints.x()));
        assertThrows(IllegalArgumentException.class, () -> Transforms.oneHot(3).apply(new Batch(x, y)));
        assertThrows(IllegalArgumentException.class, () -> Transforms.reshape(28, 27).apply(new Batch(x, y)));
    }
}
