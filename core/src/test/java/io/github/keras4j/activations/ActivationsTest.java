package io.github.keras4j.activations;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActivationsTest {
    @Test
    void knownIdentifiers() {
        assertEquals(List.of("elu", "exponential", "gelu", "hard_sigmoid", "leaky_relu", "linear", "relu", "selu", "sigmoid", "silu",
                "softmax", "softplus", "softsign", "swish", "tanh"), Activations.ids());
        for (String id : Activations.ids()) {
            String expectedName = id.equals("silu") ? "swish" : id;
            assertEquals(expectedName, Activations.get(id).name(), "name of " + id);
        }
        assertInstanceOf(Linear.class, Activations.get(null));
        assertInstanceOf(Relu.class, Activations.get("ReLU"));
    }

    @Test
    void typoSuggestsTheNearestAndListsAll() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activations.get("sigmod"));
        assertEquals("Unknown activation 'sigmod'. Did you mean 'sigmoid'? Known activations: " + String.join(", ", Activations.ids())
                + ".", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Activations.get("leakyrelu"));
        assertTrue(e.getMessage().contains("Did you mean 'leaky_relu'?"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Activations.get("sparsemax"));
        assertTrue(e.getMessage().startsWith("Unknown activation 'sparsemax'. Known activations: elu, exponential,"), e.getMessage());
    }
}
