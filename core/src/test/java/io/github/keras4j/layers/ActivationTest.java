package io.github.keras4j.layers;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.activations.Activations;
import io.github.keras4j.activations.Softmax;
import io.github.keras4j.testing.GradientCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The Activation layer. */
class ActivationTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"relu", "softmax", "gelu", "swish", "leaky_relu"})
    void gradientCheck(String id) {
        GradientCheck.checkLayer(new Activation(id), GradientCheck.doubles(GradientCheck.randomVector(12, 3), 3, 4), 4);
        GradientCheck.checkLayer(new Activation(id), GradientCheck.doubles(GradientCheck.randomVector(24, 5), 2, 3, 4), 6);
    }

    @Test
    void appliesTheFunctionOverTheLastAxisAndKeepsTheShape() {
        Activation layer = new Activation("softmax");
        assertEquals(Shape.of(3, 4), layer.computeOutputShape(Shape.of(3, 4)));
        double[] z = GradientCheck.randomVector(2 * 3 * 4, 7);
        INDArray out = layer.forward(GradientCheck.doubles(z, 2, 3, 4), false);
        assertArrayEquals(new long[] {2, 3, 4}, out.shape());
        double[] expected = new double[z.length];
        new Softmax().forward(z, expected, z.length, 4);
        assertArrayEquals(expected, NativeMemory.read(out), 1e-15);
        assertEquals(0, layer.countParams());
        assertEquals("softmax", layer.activation().name());
    }

    @Test
    void backwardBeforeATrainingForwardIsALifecycleError() {
        Activation layer = new Activation("relu").name("act");
        layer.forward(GradientCheck.doubles(new double[] {1, -1}, 1, 2), false);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> layer.backward(GradientCheck.doubles(new double[] {1, 1}, 1, 2)));
        assertEquals("Layer 'act' (Activation): backward needs a forward pass with training=true first", e.getMessage());
    }

    @Test
    void unknownIdentifierFailsAtConstruction() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Activation("sigmod"));
        assertEquals("Unknown activation 'sigmod'. Did you mean 'sigmoid'? Known activations: " + String.join(", ", Activations.ids()) + ".",
                e.getMessage());
        assertEquals(DataType.DOUBLE, GradientCheck.doubles(new double[] {1}, 1, 1).dataType());
    }
}
