package io.github.keras4j.layers;

import io.github.keras4j.engine.LayerStack;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Layers too large to exist are refused before anything is allocated, naming the layer, the weight and the limit. */
class WeightAllocationTest {
    @Test
    void aWeightBeyondOneJavaArrayIsRefused() {
        LayerStack stack = new LayerStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stack.add(new Dense(50000).inputShape(50000)));
        assertEquals("Layer 'dense' (Dense, index 0) would hold a kernel of shape (50000, 50000): 2,500,000,000 values, more than"
                + " the 2,147,483,639 keras4j can hold in one weight. Use a smaller layer (fewer units or filters) or make its input"
                + " smaller first (e.g. with pooling).", e.getMessage());
        assertTrue(stack.layers().isEmpty(), "nothing was added");
    }

    @Test
    void aWeightBeyondTheHeapIsRefusedWithWhatWasAskedAndWhatIsFree() {
        Dense dense = new Dense(2_000_000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dense.build(Shape.of(1000)));
        // 2,000,000,000 values x 12 heap bytes each (a double[] draw and a float[] copy) = 22.4 GB
        assertTrue(e.getMessage().matches("Layer 'dense' \\(Dense\\) needs 22\\.4 GB of Java heap to initialise its kernel of shape"
                + " \\(1000, 2000000\\) \\(2,000,000,000 values\\), but only [0-9.]+ [KMG]B of heap is free\\. Use a smaller layer \\(fewer"
                + " units or filters\\) or make its input smaller first \\(e\\.g\\. with pooling\\)\\. Or give Java more heap, e\\.g\\."
                + " java -Xmx16g\\."), e.getMessage());
        assertFalse(dense.isBuilt());
    }

    @Test
    void sizesPrintInPowersOf1024() {
        assertEquals("512 bytes", WeightAllocation.bytes(512));
        assertEquals("1.5 KB", WeightAllocation.bytes(1536));
        assertEquals("22.4 GB", WeightAllocation.bytes(24_000_000_000L));
    }
}
