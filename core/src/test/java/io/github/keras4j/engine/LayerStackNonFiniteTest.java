package io.github.keras4j.engine;

import io.github.keras4j.layers.Dense;
import io.github.keras4j.losses.MeanSquaredError;
import io.github.keras4j.optimizers.SGD;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayerStackNonFiniteTest {
    private static LayerStack stack() {
        LayerStack stack = new LayerStack();
        Dense dense = new Dense(1).inputShape(2);
        stack.add(dense);
        dense.kernel().value().assign(Nd4j.createFromArray(new float[][] {{1}, {1}}));
        return stack;
    }

    @Test
    void skipsTheUpdateWhenTheLossIsNotFinite() {
        LayerStack stack = stack();
        SGD sgd = new SGD(0.1);
        float[] before = stack.weights().get(0).value().dup().data().asFloat();
        // 3e38 + 3e38 overflows float32: the prediction, and so the loss, is infinite.
        INDArray x = Nd4j.createFromArray(new float[][] {{3e38f, 3e38f}});
        LayerStack.StepResult r = stack.trainStep(x, Nd4j.create(DataType.FLOAT, 1, 1), new MeanSquaredError(), sgd);
        assertFalse(Double.isFinite(r.loss()));
        assertFalse(r.updated());
        assertArrayEquals(before, stack.weights().get(0).value().data().asFloat());
        assertEquals(0, sgd.iterations(), "the optimizer did not count a step");
    }

    @Test
    void appliesTheUpdateWhenTheLossIsFinite() {
        LayerStack stack = stack();
        float[] before = stack.weights().get(0).value().dup().data().asFloat();
        LayerStack.StepResult r = stack.trainStep(Nd4j.createFromArray(new float[][] {{1, 2}}), Nd4j.create(DataType.FLOAT, 1, 1),
                new MeanSquaredError(), new SGD(0.1));
        assertTrue(r.updated());
        assertEquals(9, r.loss(), 1e-6); // (1 + 2 - 0)^2
        assertNotEquals(before[0], stack.weights().get(0).value().getFloat(0, 0));
    }
}
