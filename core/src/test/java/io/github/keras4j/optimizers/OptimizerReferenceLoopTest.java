package io.github.keras4j.optimizers;

import io.github.keras4j.layers.Parameter;
import io.github.keras4j.optimizers.schedules.CosineDecay;
import io.github.keras4j.optimizers.schedules.ExponentialDecay;
import io.github.keras4j.optimizers.schedules.PiecewiseConstantDecay;
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
 * Ten steps of each optimizer on a kernel and a bias with changing gradients, against {@link KerasReference}:
 * every update rule, and Keras' options (clipping, weight decay, learning-rate schedules) on several of them.
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
                a("Adam amsgrad", () -> new Adam(0.05, 0.8, 0.99, 1e-6, true), n -> KerasReference.adam(n, 0.05, 0.8, 0.99, 1e-6, true)),
                a("Nadam", () -> new Nadam(0.01), n -> KerasReference.nadam(n, 0.01, 0.9, 0.999, 1e-7)),
                a("Nadam custom", () -> new Nadam(0.05, 0.8, 0.99, 1e-5), n -> KerasReference.nadam(n, 0.05, 0.8, 0.99, 1e-5)),
                a("Adamax", () -> new Adamax(0.01), n -> KerasReference.adamax(n, 0.01, 0.9, 0.999, 1e-7)),
                a("Adamax custom", () -> new Adamax(0.05, 0.7, 0.9, 1e-4), n -> KerasReference.adamax(n, 0.05, 0.7, 0.9, 1e-4)),
                a("Adadelta", () -> new Adadelta(1.0), n -> KerasReference.adadelta(n, 1.0, 0.95, 1e-7)),
                a("Adadelta custom", () -> new Adadelta(0.5, 0.8, 1e-5), n -> KerasReference.adadelta(n, 0.5, 0.8, 1e-5)),
                // Keras' options on every optimizer: clipping, weight decay, a schedule (keras/src/optimizers/base_optimizer.py).
                a("SGD clipnorm", () -> new SGD(0.1).clipnorm(0.5), n -> opts(KerasReference.sgd(n, 0.1, 0, false), 0.5, null, null)),
                a("Adam clipvalue", () -> new Adam(0.01).clipvalue(0.3), n -> opts(KerasReference.adam(n, 0.01, 0.9, 0.999, 1e-7), null, 0.3, null)),
                a("RMSprop weight decay", () -> new RMSprop(0.01).weightDecay(0.1),
                        n -> opts(KerasReference.rmsprop(n, 0.01, 0.9, 0, 1e-7, false), null, null, 0.1)),
                a("Nadam clipnorm weight decay", () -> new Nadam(0.01).clipnorm(1.0).weightDecay(0.05),
                        n -> opts(KerasReference.nadam(n, 0.01, 0.9, 0.999, 1e-7), 1.0, null, 0.05)),
                a("AdamW()", AdamW::new, n -> opts(KerasReference.adam(n, 0.001, 0.9, 0.999, 1e-7), null, null, 0.004)),
                a("get(\"adamw\")", () -> Optimizers.get("adamw"), n -> opts(KerasReference.adam(n, 0.001, 0.9, 0.999, 1e-7), null, null, 0.004)),
                a("AdamW amsgrad", () -> new AdamW(0.02, 0.1, 0.8, 0.99, 1e-6, true),
                        n -> opts(KerasReference.adam(n, 0.02, 0.8, 0.99, 1e-6, true), null, null, 0.1)),
                a("SGD ExponentialDecay clipvalue", () -> new SGD(new ExponentialDecay(0.1, 3, 0.5)).clipvalue(1.0),
                        n -> KerasReference.withOptions(KerasReference.sgd(n, 0.1, 0, false), null, 1.0, null, s -> 0.1 * Math.pow(0.5, s / 3.0))),
                a("Adam CosineDecay warmup", () -> new Adam(new CosineDecay(0.0, 6).withWarmup(0.05, 3)),
                        n -> KerasReference.withOptions(KerasReference.adam(n, 0, 0.9, 0.999, 1e-7), null, null, null,
                                s -> s < 3 ? 0.05 * s / 3.0 : 0.05 * 0.5 * (1 + Math.cos(Math.PI * Math.min(s - 3, 6) / 6.0)))),
                a("Adadelta PiecewiseConstantDecay weight decay", () -> new Adadelta(new PiecewiseConstantDecay(new long[] {2, 5},
                                new double[] {1.0, 0.5, 0.25})).weightDecay(0.2),
                        n -> KerasReference.withOptions(KerasReference.adadelta(n, 0, 0.95, 1e-7), null, null, 0.2,
                                s -> s <= 2 ? 1.0 : s <= 5 ? 0.5 : 0.25)),
                // Keras' defaults, written out as numbers: a wrong default constant fails these.
                a("SGD()", SGD::new, n -> KerasReference.sgd(n, 0.01, 0.0, false)),
                a("Adam()", Adam::new, n -> KerasReference.adam(n, 0.001, 0.9, 0.999, 1e-7)),
                a("RMSprop()", RMSprop::new, n -> KerasReference.rmsprop(n, 0.001, 0.9, 0.0, 1e-7, false)),
                a("Adagrad()", Adagrad::new, n -> KerasReference.adagrad(n, 0.001, 0.1, 1e-7)),
                a("Nadam()", Nadam::new, n -> KerasReference.nadam(n, 0.001, 0.9, 0.999, 1e-7)),
                a("Adamax()", Adamax::new, n -> KerasReference.adamax(n, 0.001, 0.9, 0.999, 1e-7)),
                a("Adadelta()", Adadelta::new, n -> KerasReference.adadelta(n, 0.001, 0.95, 1e-7)),
                a("get(\"sgd\")", () -> Optimizers.get("sgd"), n -> KerasReference.sgd(n, 0.01, 0.0, false)),
                a("get(\"adam\")", () -> Optimizers.get("adam"), n -> KerasReference.adam(n, 0.001, 0.9, 0.999, 1e-7)),
                a("get(\"rmsprop\")", () -> Optimizers.get("rmsprop"), n -> KerasReference.rmsprop(n, 0.001, 0.9, 0.0, 1e-7, false)),
                a("get(\"adagrad\")", () -> Optimizers.get("adagrad"), n -> KerasReference.adagrad(n, 0.001, 0.1, 1e-7)),
                a("get(\"nadam\")", () -> Optimizers.get("nadam"), n -> KerasReference.nadam(n, 0.001, 0.9, 0.999, 1e-7)),
                a("get(\"adamax\")", () -> Optimizers.get("adamax"), n -> KerasReference.adamax(n, 0.001, 0.9, 0.999, 1e-7)),
                a("get(\"adadelta\")", () -> Optimizers.get("adadelta"), n -> KerasReference.adadelta(n, 0.001, 0.95, 1e-7)));
    }

    private static KerasReference opts(KerasReference base, Double clipnorm, Double clipvalue, Double weightDecay) {
        return KerasReference.withOptions(base, clipnorm, clipvalue, weightDecay, null);
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
