package io.github.keras4j.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RegistryTest {
    private final Registry<String> losses = new Registry<String>("loss").register(() -> "m", "mse").register(() -> "h", "hinge");

    @Test
    void messagesUseTheRightPlural() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> losses.get("hinje"));
        assertEquals("Unknown loss 'hinje'. Did you mean 'hinge'? Known losses: hinge, mse.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> losses.get(null));
        assertEquals("the loss identifier is null; known losses: hinge, mse", e.getMessage());
        Registry<String> activations = new Registry<String>("activation").register(() -> "r", "relu");
        e = assertThrows(IllegalArgumentException.class, () -> activations.get("softmax"));
        assertEquals("Unknown activation 'softmax'. Known activations: relu.", e.getMessage());
    }

    @Test
    void lookupIsCaseInsensitiveAfterAnExactMiss() {
        assertEquals("m", losses.get("MSE"));
        assertEquals("h", losses.get(" Hinge "));
    }
}
