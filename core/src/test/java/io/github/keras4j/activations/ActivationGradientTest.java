package io.github.keras4j.activations;

import io.github.keras4j.testing.GradientCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Central-difference checks of every activation's backward against its forward. */
class ActivationGradientTest {
    /** Inputs in rows of 4, spread over [-4.6, 4.6] but at least 0.1 away from every kink (0, 3, -3). */
    private static final double[] Z = {
        -4.6, -3.4, -2.7, -1.9, -1.1, -0.55, -0.2, -0.12,
        0.13, 0.31, 0.8, 1.45, 2.2, 2.85, 3.3, 4.6,
    };
    private static final int WIDTH = 4;

    static Stream<String> ids() {
        return Activations.ids().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void everyRegisteredActivation(String id) {
        GradientCheck.checkActivation(Activations.get(id), Z.clone(), WIDTH, 42);
    }

    @Test
    void allRegisteredIdentifiersAreChecked() {
        assertTrue(Activations.ids().containsAll(List.of("linear", "sigmoid", "tanh", "relu", "softmax", "leaky_relu", "elu", "selu",
                "softplus", "softsign", "hard_sigmoid", "swish", "silu", "gelu", "exponential")), Activations.ids().toString());
    }

    @Test
    void nonDefaultSettings() {
        GradientCheck.checkActivation(new LeakyRelu(0.05), Z.clone(), WIDTH, 1);
        GradientCheck.checkActivation(new Elu(0.5), Z.clone(), WIDTH, 2);
        GradientCheck.checkActivation(new Gelu(true), Z.clone(), WIDTH, 3);
    }

    @Test
    void softmaxOverWideRowsAndLargeLogits() {
        double[] z = GradientCheck.randomVector(3 * 7, 5);
        for (int i = 0; i < z.length; i++) {
            z[i] *= 4;
        }
        GradientCheck.checkActivation(new Softmax(), z, 7, 6);
    }

    @Test
    void smoothActivationsAtAndAroundZero() {
        double[] z = {-1e-3, 0, 1e-3, 0.05};
        for (ActivationFunction f : List.of(new Sigmoid(), new Tanh(), new Softplus(), new Swish(), new Gelu(), new Gelu(true),
                new Exponential(), new Elu(), new Softsign())) {
            GradientCheck.checkActivation(f, z.clone(), 2, 7);
        }
    }
}
