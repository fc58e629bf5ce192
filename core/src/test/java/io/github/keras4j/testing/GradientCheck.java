package io.github.keras4j.testing;

import io.github.keras4j.activations.ActivationFunction;
import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.layers.Layer;
import io.github.keras4j.layers.Parameter;
import io.github.keras4j.layers.Shape;
import io.github.keras4j.layers.StagedOutput;
import io.github.keras4j.losses.LogitsLoss;
import io.github.keras4j.losses.Loss;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Double-precision central-difference gradient checks, with Deeplearning4j's tolerances: step
 * {@value #STEP}, relative error {@code |a - n| / (|a| + |n|)} at most {@value #MAX_RELATIVE_ERROR},
 * differences below {@value #MIN_ABSOLUTE_ERROR} ignored (they are rounding noise, not wrong math).
 *
 * <p>Layers and activations are checked on the scalar {@code sum(C * output)} for a fixed random
 * cotangent {@code C}, so every output position contributes with its own weight.
 */
public final class GradientCheck {
    public static final double STEP = 1e-6;
    public static final double MAX_RELATIVE_ERROR = 1e-3;
    public static final double MIN_ABSOLUTE_ERROR = 1e-8;

    /** A scalar function of a vector, evaluated at {@code x} (which it must not keep or change). */
    @FunctionalInterface
    public interface ScalarFunction {
        double at(double[] x);
    }

    private GradientCheck() {
    }

    /** {@code (f(x + h e_i) - f(x - h e_i)) / 2h} for every i; {@code x} is restored afterwards. */
    public static double[] numericalGradient(ScalarFunction f, double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            x[i] = xi + STEP;
            double plus = f.at(x);
            x[i] = xi - STEP;
            double minus = f.at(x);
            x[i] = xi;
            g[i] = (plus - minus) / (2 * STEP);
        }
        return g;
    }

    /** Fails naming {@code what} and the first entry where analytic and numerical gradients disagree. */
    public static void assertMatches(String what, double[] analytic, double[] numeric) {
        assertEquals(numeric.length, analytic.length, what + ": gradient length");
        for (int i = 0; i < analytic.length; i++) {
            double a = analytic[i];
            double n = numeric[i];
            if (!Double.isFinite(a) || !Double.isFinite(n)) {
                fail(what + "[" + i + "]: non-finite gradient, analytic " + a + ", numerical " + n);
            }
            double abs = Math.abs(a - n);
            if (abs < MIN_ABSOLUTE_ERROR) {
                continue;
            }
            double rel = abs / (Math.abs(a) + Math.abs(n));
            if (rel > MAX_RELATIVE_ERROR) {
                fail(what + "[" + i + "]: analytic gradient " + a + " but numerical " + n + " (relative error " + rel + ")");
            }
        }
    }

    /** A reproducible random vector of standard normal values. */
    public static double[] randomVector(int n, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }

    /** A c-ordered float64 array holding {@code values}. */
    public static INDArray doubles(double[] values, long... shape) {
        INDArray a = Nd4j.create(DataType.DOUBLE, shape, 'c');
        NativeMemory.write(values, a);
        return a;
    }

    /**
     * Checks a layer's input gradient and every parameter gradient. The layer is built in float64 for
     * {@code x}'s sample shape if it is not built yet; {@code x} must be float64.
     */
    public static void checkLayer(Layer layer, INDArray x, long seed) {
        assertEquals(DataType.DOUBLE, x.dataType(), "gradient checks run in float64");
        if (!layer.isBuilt()) {
            layer.build(Shape.ofSamples(x.shape()), DataType.DOUBLE);
        }
        assertEquals(DataType.DOUBLE, layer.dataType(), layer.describe() + " must be built in float64 for a gradient check");
        INDArray input = x.dup('c');
        INDArray out = layer.forward(input, true);
        double[] c = randomVector((int) out.length(), seed);
        long[] outShape = out.shape();
        INDArray dx = layer.backward(doubles(c, outShape));
        assertNotNull(dx, layer.describe() + " returned no input gradient");
        assertEquals(java.util.Arrays.toString(x.shape()), java.util.Arrays.toString(dx.shape()), "input gradient shape");
        double[] analyticInput = NativeMemory.read(dx); // a copy: the layer reuses its buffers
        List<double[]> analyticParams = new ArrayList<>();
        List<Parameter> params = layer.trainableWeights();
        for (Parameter p : params) {
            analyticParams.add(NativeMemory.read(p.gradient()));
        }

        ScalarFunction lossOfInput = xs -> {
            NativeMemory.write(xs, input);
            return dot(c, NativeMemory.read(layer.forward(input, true)));
        };
        double[] xs = NativeMemory.read(input);
        assertMatches(layer.describe() + " input gradient", analyticInput, numericalGradient(lossOfInput, xs));
        NativeMemory.write(xs, input);

        for (int k = 0; k < params.size(); k++) {
            INDArray value = params.get(k).value();
            ScalarFunction lossOfParam = w -> {
                NativeMemory.write(w, value);
                return dot(c, NativeMemory.read(layer.forward(input, true)));
            };
            double[] w = NativeMemory.read(value);
            assertMatches(params.get(k).name() + " gradient", analyticParams.get(k), numericalGradient(lossOfParam, w));
            NativeMemory.write(w, value);
        }
    }

    /** Checks an activation's backward against its forward at {@code z}, laid out in rows of {@code width}. */
    public static void checkActivation(ActivationFunction f, double[] z, int width, long seed) {
        int n = z.length;
        double[] a = new double[n];
        f.forward(z, a, n, width);
        double[] c = randomVector(n, seed);
        double[] g = c.clone();
        f.backward(z, a, g, n, width);
        ScalarFunction loss = zs -> {
            double[] out = new double[n];
            f.forward(zs, out, n, width);
            return dot(c, out);
        };
        assertMatches("activation " + f.name(), g, numericalGradient(loss, z.clone()));
    }

    /** Checks the gradient a loss writes for {@code yPred} against the numerical dLoss/dyPred. */
    public static void checkLoss(Loss loss, double[] yTrue, double[] yPred, int rows, int width, int trueWidth) {
        double[] grad = new double[yPred.length];
        double value = loss.compute(yTrue, yPred.clone(), grad, rows, width, trueWidth);
        assertTrue(Double.isFinite(value), loss.name() + " value is " + value);
        ScalarFunction f = p -> loss.compute(yTrue, p, new double[p.length], rows, width, trueWidth);
        assertMatches("loss " + loss.name(), grad, numericalGradient(f, yPred.clone()));
    }

    /**
     * Checks the fused form of {@code loss} after {@code activation}: its value equals
     * {@code loss(activation(z))} and its gradient matches the numerical d/dz of that composition.
     */
    public static void checkFused(Loss loss, ActivationFunction activation, double[] yTrue, double[] z, int rows, int width,
            int trueWidth) {
        LogitsLoss fused = loss.fusedWith(activation);
        assertNotNull(fused, loss.name() + " has no fused form with " + activation.name());
        int n = rows * width;
        double[] a = new double[n];
        activation.forward(z, a, n, width);
        double[] gradZ = new double[n];
        double value = fused.compute(yTrue, new StagedOutput(z.clone(), a, rows, width), gradZ, trueWidth);
        ScalarFunction composed = zs -> {
            double[] p = new double[n];
            activation.forward(zs, p, n, width);
            return loss.compute(yTrue, p, new double[n], rows, width, trueWidth);
        };
        assertEquals(composed.at(z.clone()), value, 1e-12 * Math.max(1, Math.abs(value)),
                loss.name() + " fused with " + activation.name() + ": value");
        assertMatches(loss.name() + " fused with " + activation.name(), gradZ, numericalGradient(composed, z.clone()));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
