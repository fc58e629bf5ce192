package io.github.keras4j.layers;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LayerBuildTest {
    @Test
    void rebuildingWithAnotherDataTypeSaysSo() {
        Dense dense = new Dense(2);
        dense.build(Shape.of(3), DataType.FLOAT);
        dense.build(Shape.of(3), DataType.FLOAT); // the same build again is a no-op
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dense.build(Shape.of(3), DataType.DOUBLE));
        assertEquals("Layer 'dense' (Dense) was built with FLOAT weights but is now asked to build with DOUBLE. A layer can be"
                + " built only once; create a new layer for the new data type.", e.getMessage());
    }
}
