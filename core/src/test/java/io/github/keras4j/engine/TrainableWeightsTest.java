package io.github.keras4j.engine;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Parameter;
import io.github.keras4j.losses.MeanSquaredError;
import io.github.keras4j.optimizers.SGD;
import io.github.keras4j.regularizers.Regularizers;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keras' {@code layer.trainable = False} (keras/src/layers/layer.py: {@code trainable_weights} is empty and
 * {@code non_trainable_weights} is every weight while frozen; regularization losses come from trainable weights
 * only): a frozen layer's weights are left out of the optimizer's update and of the penalty, and training resumes
 * on them once unfrozen.
 */
class TrainableWeightsTest {
    @Test
    void aFrozenLayerListsItsWeightsAsNonTrainable() {
        Dense dense = new Dense(3);
        dense.build(io.github.keras4j.layers.Shape.of(2));
        assertEquals(List.of("kernel", "bias"), names(dense.trainableWeights()));
        assertEquals(List.of(), names(dense.nonTrainableWeights()));
        dense.trainable(false);
        assertFalse(dense.isTrainable());
        assertEquals(List.of(), names(dense.trainableWeights()));
        assertEquals(List.of("kernel", "bias"), names(dense.nonTrainableWeights()));
        assertEquals(List.of("kernel", "bias"), names(dense.weights()), "weights() lists every weight either way");
        assertFalse(dense.weights().get(0).isTrainable());
        assertEquals(9, dense.countParams());
    }

    @Test
    void aFrozenLayerIsNotUpdatedAndItsPenaltyIsLeftOut() {
        LayerStack stack = new LayerStack();
        Dense first = new Dense(4, "tanh").inputShape(3).kernelRegularizer(Regularizers.l2(0.5));
        Dense second = new Dense(2);
        stack.add(first);
        stack.add(second);
        INDArray x = Nd4j.rand(DataType.FLOAT, 5, 3);
        INDArray y = Nd4j.rand(DataType.FLOAT, 5, 2);
        double penalty = stack.regularizationPenalty();
        assertTrue(penalty > 0);

        first.trainable(false);
        assertEquals(0, stack.regularizationPenalty(), "the frozen kernel's L2 penalty is not part of the loss");
        assertEquals(List.of("kernel", "bias"), names(stack.trainableWeights()));
        float[] frozenBefore = values(first.kernel());
        float[] trainedBefore = values(second.kernel());
        double unregularized = stack.computeGradients(x, y, new MeanSquaredError()).loss();
        stack.applyGradients(new SGD(0.1));
        assertArrayEquals(frozenBefore, values(first.kernel()), "a frozen kernel keeps its values");
        assertFalse(java.util.Arrays.equals(trainedBefore, values(second.kernel())), "the trainable layer learns");

        first.trainable(true);
        assertEquals(4, stack.trainableWeights().size());
        double regularized = stack.computeGradients(x, y, new MeanSquaredError()).loss();
        assertTrue(regularized > unregularized, "the penalty counts again once unfrozen");
        stack.applyGradients(new SGD(0.1));
        assertFalse(java.util.Arrays.equals(frozenBefore, values(first.kernel())), "unfrozen, it learns again");
    }

    @Test
    void trainStepIsComputeThenApply() {
        LayerStack a = twoLayers(7);
        LayerStack b = twoLayers(7);
        INDArray x = Nd4j.rand(DataType.FLOAT, 6, 3);
        INDArray y = Nd4j.rand(DataType.FLOAT, 6, 2);
        SGD optA = new SGD(0.05, 0.9, false);
        SGD optB = new SGD(0.05, 0.9, false);
        for (int step = 0; step < 3; step++) {
            double lossA = a.trainStep(x, y, new MeanSquaredError(), optA).loss();
            LayerStack.StepResult r = b.computeGradients(x, y, new MeanSquaredError());
            b.applyGradients(optB);
            assertEquals(lossA, r.loss());
        }
        for (int k = 0; k < a.weights().size(); k++) {
            assertArrayEquals(values(a.weights().get(k)), values(b.weights().get(k)));
        }
    }

    private static LayerStack twoLayers(long seed) {
        io.github.keras4j.random.SeedGenerator.setGlobalSeed(seed);
        LayerStack stack = new LayerStack();
        stack.add(new Dense(4, "relu").inputShape(3));
        stack.add(new Dense(2));
        return stack;
    }

    private static List<String> names(List<Parameter> weights) {
        return weights.stream().map(Parameter::localName).toList();
    }

    private static float[] values(Parameter p) {
        float[] v = new float[(int) p.size()];
        NativeMemory.readFloats(p.value(), v);
        return v;
    }
}
