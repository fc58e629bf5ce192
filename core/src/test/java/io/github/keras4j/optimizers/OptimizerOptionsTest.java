package io.github.keras4j.optimizers;

import io.github.keras4j.layers.Parameter;
import io.github.keras4j.optimizers.schedules.ExponentialDecay;
import io.github.keras4j.optimizers.schedules.PiecewiseConstantDecay;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Keras' options on every optimizer, worked out by hand from keras/src/optimizers/base_optimizer.py: gradient
 * clipping ({@code _clip_gradients}), weight decay ({@code _apply_weight_decay}), their order, and the learning
 * rate of a schedule-driven optimizer. SGD with learning rate 1 makes each step show the processed gradient.
 */
class OptimizerOptionsTest {
    private static double[] step(Optimizer optimizer, double[] w, double[] g) {
        return TestParameters.oneStep(optimizer, DataType.DOUBLE, w, g);
    }

    @Test
    void clipnormScalesEachGradientToTheNormAtMost() {
        // g = [3, 4], ||g|| = 5 > 1: g * 1 / 5 = [0.6, 0.8]; w = [0, 0] - g.
        assertArrayEquals(new double[] {-0.6, -0.8}, step(new SGD(1).clipnorm(1.0), new double[] {0, 0}, new double[] {3, 4}), 1e-7);
        // ||g|| = 5 < 10: g * 10 / max(5, 10) = g.
        assertArrayEquals(new double[] {-3, -4}, step(new SGD(1).clipnorm(10.0), new double[] {0, 0}, new double[] {3, 4}), 1e-7);
        // a zero gradient stays zero (Keras keeps l2norm = 0, then divides by max(0, c) = c).
        assertArrayEquals(new double[] {1, 1}, step(new SGD(1).clipnorm(1.0), new double[] {1, 1}, new double[] {0, 0}), 0);
    }

    /** One step from zero weights on a Dense kernel (3, 2) and bias (2): their values after it. */
    private static List<double[]> stepFromZero(Optimizer optimizer, double[] kernelGradient, double[] biasGradient) {
        List<Parameter> params = TestParameters.kernelAndBias(DataType.DOUBLE, new double[6], new double[2]);
        TestParameters.setGradient(params.get(0), kernelGradient);
        TestParameters.setGradient(params.get(1), biasGradient);
        optimizer.apply(params);
        return List.of(TestParameters.values(params.get(0)), TestParameters.values(params.get(1)));
    }

    @Test
    void globalClipnormScalesAllGradientsByTheirJointNorm() {
        double[] kernelGradient = {3, 0, 0, 0, 0, 0};
        double[] biasGradient = {0, 4};
        // joint norm 5, scale = 1 * min(1/5, 1/1) = 0.2.
        List<double[]> global = stepFromZero(new SGD(1).globalClipnorm(1.0), kernelGradient, biasGradient);
        assertArrayEquals(new double[] {-0.6, 0, 0, 0, 0, 0}, global.get(0), 1e-7);
        assertArrayEquals(new double[] {0, -0.8}, global.get(1), 1e-7);
        // clipnorm 3.5 clips each gradient on its own: the kernel's (norm 3) stays, the bias's (norm 4) becomes 3.5.
        List<double[]> each = stepFromZero(new SGD(1).clipnorm(3.5), kernelGradient, biasGradient);
        assertArrayEquals(new double[] {-3, 0, 0, 0, 0, 0}, each.get(0), 1e-7);
        assertArrayEquals(new double[] {0, -3.5}, each.get(1), 1e-6);
    }

    @Test
    void globalClipnormOfAnInfiniteGradientIsNaNAsInKeras() {
        // base_optimizer.clip_by_global_norm: scale = c * min(1 / norm, 1 / c) + (norm - norm), NaN for an infinite norm.
        double[] w = step(new SGD(1).globalClipnorm(1.0), new double[] {1, 1}, new double[] {Double.POSITIVE_INFINITY, 1});
        assertEquals(Double.NaN, w[0]);
        assertEquals(Double.NaN, w[1]);
    }

    @Test
    void clipvalueClipsEachComponent() {
        assertArrayEquals(new double[] {1, -0.5, -1}, step(new SGD(1).clipvalue(1.0), new double[] {0, 0, 0}, new double[] {-2, 0.5, 3}), 1e-7);
    }

    @Test
    void weightDecayShrinksTheWeightsByDecayTimesRateBeforeTheUpdate() {
        // w = 2 - 2 * 0.5 * 0.1 = 1.9, then SGD: 1.9 - 0.1 * 1 = 1.8. Decay uses the weight before the update.
        assertArrayEquals(new double[] {1.8}, step(new SGD(0.1).weightDecay(0.5), new double[] {2}, new double[] {1}), 1e-6);
        // Clipping comes first and does not touch the decay: g = 3 clipped to 1; w = 2 - 0.1 - 0.1 * 1 = 1.8.
        assertArrayEquals(new double[] {1.8}, step(new SGD(0.1).weightDecay(0.5).clipvalue(1.0), new double[] {2}, new double[] {3}), 1e-6);
    }

    @Test
    void excludedParametersDoNotDecay() {
        SGD sgd = new SGD(0.1);
        sgd.weightDecay(0.5).excludeFromWeightDecay("bias");
        List<Parameter> params = TestParameters.kernelAndBias(DataType.DOUBLE, new double[] {2, 2, 2, 2, 2, 2}, new double[] {2, 2});
        sgd.apply(params); // zero gradients: only the decay moves the weights
        assertArrayEquals(new double[] {1.9, 1.9, 1.9, 1.9, 1.9, 1.9}, TestParameters.values(params.get(0)), 1e-6);
        assertArrayEquals(new double[] {2, 2}, TestParameters.values(params.get(1)), 0, "dense/bias matches 'bias'");
        assertEquals(List.of("bias"), sgd.excludedFromWeightDecay());
        sgd.excludeFromWeightDecay();
        sgd.apply(params);
        assertArrayEquals(new double[] {1.9, 1.9}, TestParameters.values(params.get(1)), 1e-6, "exclusions replaced by none");
    }

    @Test
    void aScheduleGivesTheRateAtTheStepCountBeforeEachUpdate() {
        // Keras calls the schedule with `iterations`, the updates taken so far: 0 for the first update.
        SGD sgd = new SGD(new PiecewiseConstantDecay(new long[] {1}, new double[] {1.0, 0.5}));
        Parameter p = TestParameters.vector(DataType.DOUBLE, 0.0);
        TestParameters.setGradient(p, 1.0);
        assertEquals(1.0, sgd.learningRate());
        sgd.apply(List.of(p)); // step 0 <= 1: rate 1
        sgd.apply(List.of(p)); // step 1 <= 1: rate 1
        assertEquals(0.5, sgd.learningRate());
        sgd.apply(List.of(p)); // step 2 > 1: rate 0.5
        assertArrayEquals(new double[] {-2.5}, TestParameters.values(p), 1e-7);
        sgd.setIterations(0);
        assertEquals(1.0, sgd.learningRate(), "the rate follows a restored step count");
    }

    @Test
    void aScheduleDrivenRateCannotBeSetToANumberButCanTakeAnotherSchedule() {
        ExponentialDecay decay = new ExponentialDecay(0.1, 1000, 0.96);
        Adam adam = new Adam(decay);
        assertSame(decay, adam.learningRateSchedule());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> adam.setLearningRate(0.05));
        assertEquals("Adam's learning rate comes from the schedule ExponentialDecay, so it cannot be set to 0.05. Create the optimizer"
                + " with a number as its learning rate to change it during training, or give it another schedule with"
                + " setLearningRate(schedule).", e.getMessage());
        adam.setLearningRate(step -> 0.25);
        assertEquals(0.25, adam.learningRate());
    }

    @Test
    void onlyOneWayOfClippingAtATime() {
        // Keras: "Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set."
        SGD sgd = new SGD();
        sgd.clipvalue(0.5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sgd.clipnorm(1.0));
        assertEquals("SGD clips gradients one way only, but clipvalue is 0.5 and clipnorm would be 1.0. Turn the other off first,"
                + " e.g. clipvalue(null).", e.getMessage());
        sgd.clipvalue(null).clipnorm(1.0);
        assertEquals(1.0, sgd.clipnorm());
        sgd.clipnorm(2.0);
        assertEquals(2.0, sgd.clipnorm(), "the same option may change");
    }

    @Test
    void badOptionValuesAreNamed() {
        assertEquals("Adam clipnorm must be a finite number > 0, or null for no clipping, got 0.0.",
                assertThrows(IllegalArgumentException.class, () -> new Adam().clipnorm(0.0)).getMessage());
        assertEquals("Adam weightDecay must be a finite number >= 0, or null for none, got -0.1. Keras' AdamW uses 0.004.",
                assertThrows(IllegalArgumentException.class, () -> new Adam().weightDecay(-0.1)).getMessage());
        assertEquals("AdamW needs a weight decay (a finite number >= 0), got null; Keras' default is 0.004. For Adam without weight"
                + " decay use new Adam().", assertThrows(IllegalArgumentException.class, () -> new AdamW().weightDecay(null)).getMessage());
        assertEquals("SGD excludeFromWeightDecay takes regular expressions, but [bias(] is not one: Unclosed group. A plain name such"
                + " as \"bias\" works.", assertThrows(IllegalArgumentException.class, () -> new SGD().excludeFromWeightDecay("bias(")).getMessage());
    }

    @Test
    void nadamProductRestartsOnResetAndReplaysInFloat32() {
        Nadam nadam = new Nadam(0.01);
        Parameter p = TestParameters.vector(DataType.FLOAT, 1.0);
        TestParameters.setGradient(p, 0.5);
        for (int i = 0; i < 5; i++) {
            nadam.apply(List.of(p));
        }
        assertEquals(nadam.uProductAfter(5), nadam.uProduct(), 0f, "the same float32 products, step by step");
        double expected = 1;
        for (int t = 1; t <= 5; t++) {
            expected *= 0.9 * (1 - 0.5 * Math.pow(0.96, t));
        }
        assertEquals(expected, nadam.uProduct(), 1e-7);
        nadam.reset();
        assertEquals(1f, nadam.uProduct());
    }
}
