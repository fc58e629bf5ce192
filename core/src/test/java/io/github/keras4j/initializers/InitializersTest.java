package io.github.keras4j.initializers;

import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Shape;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Initializers by Keras identifier. */
class InitializersTest {
    @Test
    void everyKerasIdentifier() {
        assertEquals(List.of("constant", "glorot_normal", "glorot_uniform", "he_normal", "he_uniform", "lecun_normal",
                "lecun_uniform", "normal", "one", "ones", "random_normal", "random_uniform", "truncated_normal", "uniform",
                "variance_scaling", "zero", "zeros"), Initializers.ids());
        for (String id : Initializers.ids()) {
            Initializer init = Initializers.get(id);
            String canonical = switch (id) {
                case "normal" -> "random_normal";
                case "uniform" -> "random_uniform";
                case "one" -> "ones";
                case "zero" -> "zeros";
                default -> id;
            };
            assertEquals(canonical, init.name(), "Initializers.get(\"" + id + "\")");
        }
        assertInstanceOf(HeNormal.class, Initializers.get("he_normal"));
        assertInstanceOf(TruncatedNormal.class, Initializers.get("truncated_normal"));
        assertEquals(0.0, ((Constant) Initializers.get("constant")).value(), "Keras' Constant() is 0");
    }

    @Test
    void unknownIdentifierSuggestsTheNearest() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Initializers.get("he_normall"));
        assertEquals("Unknown initializer 'he_normall'. Did you mean 'he_normal'? Known initializers: constant, glorot_normal,"
                + " glorot_uniform, he_normal, he_uniform, lecun_normal, lecun_uniform, normal, one, ones, random_normal,"
                + " random_uniform, truncated_normal, uniform, variance_scaling, zero, zeros.", e.getMessage());
    }

    @Test
    void denseTakesAnyIdentifier() {
        Dense dense = new Dense(3).kernelInitializer("ones").biasInitializer("constant");
        dense.build(Shape.of(2));
        assertEquals(6.0, dense.kernel().value().sumNumber().doubleValue());
        assertEquals(0.0, dense.bias().value().sumNumber().doubleValue());
    }
}
