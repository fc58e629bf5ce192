package io.github.keras4j.optimizers;

import io.github.keras4j.layers.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Ten steps of each optimizer on a kernel and a bias with changing gradients, against {@link KerasReference}.
 * Updates run in float32 arithmetic on float32 slots (as Keras' do), so both float32 and float64 parameters
 * agree with the double-precision reference to float precision. The no-argument constructors and {@link Optimizers#get} are run against the
 * reference built from Keras' default numbers written out here.
 */
class OptimizerReferenceLoopTest {
    private static final int STEPS = 10;

    static Stream<Arguments> cases() {
        return Stream.of(
                a("SGD plain", () -> new SGD(0.1), n -> KerasReference.sgd(n, 0.1, 0, false)),
                a("SGD momentum", () -> new SGD(0.05, 0.9, false), n -> KerasReference.sgd(n, 0.05, 0.9, false)),
                a("SGD nesterov", () -> new SGD(0.05, 0.9, true), n -> KerasReference.sgd(n, 0.05, 0.9, true)),
                a("SGD momentum 1", () -> new SGD(0.01, 1.0, false), n -> KerasReference.sgd(n, 0.01, 1.0, false)),
                a("Adam", () -> new Adam(0.01), n -> KerasReference.adam(n, 0.01, 0.9, 0.999, 1e-7)),
                a("Adam custom", () -> new Adam(0.05, 0.8, 0.99, 1e-4), n -> KerasReference.adam(n, 0.05, 0.8, 0.99, 1e-4)),
                a("RMSprop plain", () -> new RMSprop(0.01), n -> KerasReference.rmsprop(n, 0.01, 0.9, 0, 1e-7, false)),
                a("RMSprop momentum", () -> new RMSprop(0.01, 0.8, 0.5, 1e-7, false),
                        n -> KerasReference.rmsprop(n, 0.01, 0.8, 0.5, 1e-7, false)),
                a("RMSprop centered", () -> new RMSprop(0.01, 0.9, 0, 1e-6, true),
                        n -> KerasReference.rmsprop(n, 0.01, 0.9, 0, 1e-6, true)),
                a("RMSprop centered momentum", () -> new RMSprop(0.01, 0.9, 0.7, 1e-7, true),
                        n -> KerasReference.rmsprop(n, 0.01, 0.9, 0.7, 1e-7, true)),
                a("Adagrad", () -> new Adagrad(0.1), n -> KerasReference.adagrad(n, 0.1, 0.1, 1e-7)),
                a("Adagrad zero accumulator", () -> new Adagrad(0.2, 0, 1e-5), n -> KerasReference.adagrad(n, 0.2, 0, 1e-5)),
                // Keras' defaults, written out as numbers: a wrong default constant fails these.
                a("SGD()", SGD::new, n -> KerasReference.sgd(n, 0.01, 0.0, false)),
                a("Adam()", Adam::new, n -> KerasReference.adam(n, 0.001, 0.9, 0.999, 1e-7)),
                a("RMSprop()", RMSprop::new, n -> KerasReference.rmsprop(n, 0.001, 0.9, 0.0, 1e-7, false)),
                a("Adagrad()", Adagrad::new, n -> KerasReference.adagrad(n, 0.001, 0.1, 1e-7)),
                a("get(\"sgd\")", () -> Optimizers.get("sgd"), n -> KerasReference.sgd(n, 0.01, 0.0, false)),
                a("get(\"adam\")", () -> Optimizers.get("adam"), n -> KerasReference.adam(n, 0.001, 0.9, 0.999, 1e-7)),
                a("get(\"rmsprop\")", () -> Optimizers.get("rmsprop"), n -> KerasReference.rmsprop(n, 0.001, 0.9, 0.0, 1e-7, false)),
                a("get(\"adagrad\")", () -> Optimizers.get("adagrad"), n -> KerasReference.adagrad(n, 0.001, 0.1, 1e-7)));
    }

    private static Arguments a(String name, Supplier<Optimizer> optimizer, IntFunction<KerasReference> reference) {
        return Arguments.of(name, optimizer, reference);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void float64ParametersFollowKerasFormulasToFloatPrecision(String name, Supplier<Optimizer> optimizer,
                                                              IntFunction<KerasReference> reference) {
        run(optimizer.get(), reference, DataType.DOUBLE, 1e-6, 1e-5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void float32MatchesKerasFormulasToFloatPrecision(String name, Supplier<Optimizer> optimizer, IntFunction<KerasReference> reference) {
        run(optimizer.get(), reference, DataType.FLOAT, 1e-6, 1e-5);
    }

    private static void run(Optimizer optimizer, IntFunction<KerasReference> referenceFactory, DataType type,
                            double absTolerance, double relTolerance) {
        double[][] start = {{0.5, -1.0, 1.5, 2.0, -0.25, 0.75}, {0.1, -0.2}};
        List<Parameter> params = TestParameters.kernelAndBias(type, start[0], start[1]);
        double[][] w = {start[0].clone(), start[1].clone()};
        KerasReference[] reference = {referenceFactory.apply(6), referenceFactory.apply(2)};
        for (long t = 1; t <= STEPS; t++) {
            for (int k = 0; k < 2; k++) {
                TestParameters.setGradient(params.get(k), gradient(TestParameters.values(params.get(k)), t, k));
                reference[k].step(w[k], gradient(w[k], t, k), t);
            }
            optimizer.apply(params);
            assertEquals(t, optimizer.iterations());
            for (int k = 0; k < 2; k++) {
                assertClose(w[k], TestParameters.values(params.get(k)), absTolerance, relTolerance, "weights of parameter " + k + " at step " + t);
                double[][] expectedSlots = reference[k].slots();
                float[][] slots = optimizer.slotsOf(params.get(k));
                assertEquals(expectedSlots.length, slots.length, "slot count");
                assertEquals(expectedSlots.length, optimizer.slotNames().size(), "slot names");
                for (int s = 0; s < slots.length; s++) {
                    assertClose(expectedSlots[s], widen(slots[s]), absTolerance, relTolerance,
                            "slot '" + optimizer.slotNames().get(s) + "' of parameter " + k + " at step " + t);
                }
            }
        }
    }

    /** The gradient of a quadratic bowl plus a changing push, so every step sees a different gradient. */
    private static double[] gradient(double[] w, long t, int parameter) {
        double[] g = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            double target = 0.3 * i - 1 + parameter;
            g[i] = 2 * (w[i] - target) + 0.5 * Math.sin(1.7 * t + i + 3 * parameter);
        }
        return g;
    }

    private static double[] widen(float[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = values[i];
        }
        return d;
    }

    private static void assertClose(double[] expected, double[] actual, double abs, double rel, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            double tolerance = abs + rel * Math.abs(expected[i]);
            assertEquals(expected[i], actual[i], tolerance, what + ", element " + i);
        }
    }
}
