package io.github.keras4j.engine;

import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Flatten;
import io.github.keras4j.layers.Shape;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An input shape declared on a later layer must be what the layers before it output, however the stack is built. */
class LayerStackShapesTest {
    private static final String CONFLICT = "Layer 'd2' (Dense, index 1) declares input shape (None, 5) but the previous layer 'd1'"
            + " outputs (None, 4). Remove inputShape(...) from it (only the first layer needs one), or change the layers before it.";

    @Test
    void aConflictingDeclaredShapeIsRefusedWhenAdded() {
        LayerStack stack = new LayerStack();
        stack.add(new Dense(4).name("d1").inputShape(3));
        Dense second = new Dense(2).name("d2").inputShape(5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stack.add(second));
        assertEquals(CONFLICT, e.getMessage());
        assertEquals(1, stack.layers().size());
        assertEquals(-1, second.index(), "the refused layer belongs to no stack");
        stack.add(new Dense(2).inputShape(4));
        assertEquals(Shape.of(2), stack.outputShape());
    }

    @Test
    void aConflictingDeclaredShapeIsRefusedWhenTheStackIsBuiltLaterAndNothingIsBuilt() {
        LayerStack stack = new LayerStack();
        Dense first = new Dense(4).name("d1");
        stack.add(first);
        stack.add(new Dense(2).name("d2").inputShape(5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stack.build(Shape.of(3), DataType.FLOAT));
        assertEquals(CONFLICT, e.getMessage());
        assertFalse(first.isBuilt(), "no weights were made");
        assertFalse(stack.isBuilt());
    }

    @Test
    void aMatchingDeclaredShapeIsAccepted() {
        LayerStack stack = new LayerStack();
        stack.add(new Flatten());
        stack.add(new Dense(2).inputShape(12));
        stack.build(Shape.of(3, 4), DataType.FLOAT);
        assertTrue(stack.isBuilt());
        assertEquals(Shape.of(2), stack.outputShape());
    }
}
