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

    @Test
    void aSwapOfTwoLettersIsOneTypo() {
        Registry<String> activations = new Registry<String>("activation").register(() -> "r", "relu").register(() -> "e", "elu")
                .register(() -> "s", "sigmoid");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> activations.get("sigmodi"));
        assertEquals("Unknown activation 'sigmodi'. Did you mean 'sigmoid'? Known activations: elu, relu, sigmoid.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> activations.get("rleu"));
        assertEquals("Unknown activation 'rleu'. Did you mean 'relu'? Known activations: elu, relu, sigmoid.", e.getMessage());
        assertEquals(1, Registry.editDistance("rleu", "relu"));
        assertEquals(2, Registry.editDistance("rleu", "elu"));
        assertEquals(3, Registry.editDistance("ca", "abc"), "optimal string alignment: a swapped pair is not edited again");
    }

    @Test
    void equallyNearIdsAreAllSuggestedButNotAnUpperCaseAliasBesideItsTwin() {
        Registry<String> aliased = new Registry<String>("loss").register(() -> "m", "mse", "MSE").register(() -> "a", "mae", "MAE");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> aliased.get("msee"));
        assertEquals("Unknown loss 'msee'. Did you mean 'mse'? Known losses: MAE, MSE, mae, mse.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> aliased.get("mxe"));
        assertEquals("Unknown loss 'mxe'. Did you mean 'mae' or 'mse'? Known losses: MAE, MSE, mae, mse.", e.getMessage());
    }
}
