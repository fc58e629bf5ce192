package io.github.keras4j.layers;

import io.github.keras4j.backend.NativeMemory;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** BatchNormalization worked by hand from Keras' definition (keras/src/layers/normalization/batch_normalization.py). */
class BatchNormalizationTest {
    private static final double EPS = 1e-3;

    @Test
    void kerasDefaults() {
        assertEquals(0.99, BatchNormalization.DEFAULT_MOMENTUM);
        assertEquals(1e-3, BatchNormalization.DEFAULT_EPSILON);
        BatchNormalization bn = new BatchNormalization();
        assertEquals(0.99, bn.momentum());
        assertEquals(1e-3, bn.epsilon());
        bn.build(Shape.of(3), DataType.DOUBLE);
        assertArrayEquals(new double[] {1, 1, 1}, NativeMemory.read(bn.weights().get(0).value()), "gamma starts at ones");
        assertArrayEquals(new double[] {0, 0, 0}, NativeMemory.read(bn.weights().get(1).value()), "beta at zeros");
        assertArrayEquals(new double[] {0, 0, 0}, NativeMemory.read(bn.weights().get(2).value()), "moving_mean at zeros");
        assertArrayEquals(new double[] {1, 1, 1}, NativeMemory.read(bn.weights().get(3).value()), "moving_variance at ones");
        assertEquals("gamma beta moving_mean moving_variance",
                String.join(" ", bn.weights().stream().map(Parameter::localName).toList()));
    }

    @Test
    void oneTrainingStepUsesTheBatchAndMovesTheStatistics() {
        BatchNormalization bn = new BatchNormalization();
        bn.build(Shape.of(2), DataType.DOUBLE);
        // channel 0: 1 and 3 (mean 2, biased variance 1); channel 1: 2 and 6 (mean 4, variance 4)
        INDArray x = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 6}});
        double[] y = NativeMemory.read(bn.forward(x, true));
        double s0 = Math.sqrt(1 + EPS);
        double s1 = Math.sqrt(4 + EPS);
        assertArrayEquals(new double[] {-1 / s0, -2 / s1, 1 / s0, 2 / s1}, y, 1e-15);
        // moving = moving * 0.99 + batch * 0.01, from zeros and ones
        assertArrayEquals(new double[] {0.02, 0.04}, NativeMemory.read(bn.weights().get(2).value()), 1e-15);
        assertArrayEquals(new double[] {1.0, 1.03}, NativeMemory.read(bn.weights().get(3).value()), 1e-15);

        double[] inference = NativeMemory.read(bn.forward(x, false));
        assertArrayEquals(new double[] {(1 - 0.02) / Math.sqrt(1.0 + EPS), (2 - 0.04) / Math.sqrt(1.03 + EPS),
                (3 - 0.02) / Math.sqrt(1.0 + EPS), (6 - 0.04) / Math.sqrt(1.03 + EPS)}, inference, 1e-15);
        assertArrayEquals(new double[] {0.02, 0.04}, NativeMemory.read(bn.weights().get(2).value()), 1e-15, "inference moves nothing");
    }

    @Test
    void gammaAndBetaScaleAndShift() {
        BatchNormalization bn = new BatchNormalization().momentum(0.5).epsilon(0.25);
        bn.build(Shape.of(1), DataType.DOUBLE);
        bn.weights().get(0).value().assign(3); // gamma
        bn.weights().get(1).value().assign(-1); // beta
        double[] y = NativeMemory.read(bn.forward(Nd4j.createFromArray(new double[][] {{0}, {2}}), true));
        // mean 1, variance 1: (x - 1) / sqrt(1.25) * 3 - 1
        assertArrayEquals(new double[] {-3 / Math.sqrt(1.25) - 1, 3 / Math.sqrt(1.25) - 1}, y, 1e-15);
        assertArrayEquals(new double[] {0.5}, NativeMemory.read(bn.weights().get(2).value()), 1e-15); // 0 * 0.5 + 1 * 0.5
        assertArrayEquals(new double[] {1.0}, NativeMemory.read(bn.weights().get(3).value()), 1e-15); // 1 * 0.5 + 1 * 0.5
    }

    @Test
    void aFrozenLayerNormalisesWithItsMovingStatisticsWhileTraining() {
        BatchNormalization bn = new BatchNormalization().trainable(false);
        bn.build(Shape.of(2), DataType.DOUBLE);
        INDArray x = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 6}});
        double[] y = NativeMemory.read(bn.forward(x, true));
        double s = Math.sqrt(1 + EPS); // moving mean 0, moving variance 1
        assertArrayEquals(new double[] {1 / s, 2 / s, 3 / s, 6 / s}, y, 1e-15);
        assertArrayEquals(new double[] {0, 0}, NativeMemory.read(bn.weights().get(2).value()), "frozen statistics stay");
        double[] dx = NativeMemory.read(bn.backward(Nd4j.ones(DataType.DOUBLE, 2, 2)));
        assertArrayEquals(new double[] {1 / s, 1 / s, 1 / s, 1 / s}, dx, 1e-15);
    }

    @Test
    void worksOnImagesPerChannel() {
        BatchNormalization bn = new BatchNormalization();
        bn.build(Shape.of(2, 2, 1), DataType.DOUBLE);
        INDArray x = Nd4j.createFromArray(new double[] {0, 1, 2, 3, 4, 5, 6, 7}).reshape(2, 2, 2, 1);
        double[] y = NativeMemory.read(bn.forward(x, true));
        // one channel over 8 values 0..7: mean 3.5, biased variance 5.25
        for (int i = 0; i < 8; i++) {
            assertEquals((i - 3.5) / Math.sqrt(5.25 + EPS), y[i], 1e-14);
        }
    }

    @Test
    void badHyperparametersAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BatchNormalization().momentum(1.5));
        assertEquals("BatchNormalization momentum must be in [0, 1], got 1.5. Keras' default is 0.99.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new BatchNormalization().epsilon(0));
        assertEquals("BatchNormalization epsilon must be a finite number > 0, got 0.0. Keras' default is 0.001.", e.getMessage());
    }
}
