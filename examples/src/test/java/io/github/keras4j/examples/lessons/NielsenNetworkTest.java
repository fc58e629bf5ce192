package io.github.keras4j.examples.lessons;

import io.github.keras4j.layers.Dense;
import io.github.keras4j.losses.MeanSquaredError;
import io.github.keras4j.models.Sequential;
import io.github.keras4j.optimizers.SGD;
import io.github.keras4j.utils.Utils;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NielsenNetworkTest {
    @Test
    void sizesReadLikeNetworkPy() {
        assertEquals(List.of(784, 30, 10), NielsenNetwork.sizes("[784, 30, 10]"));
        assertEquals(List.of(784, 10), NielsenNetwork.sizes("[784,10]"));
        assertEquals("layer sizes must look like [784, 30, 10], got '784, 10'",
                assertThrows(IllegalArgumentException.class, () -> NielsenNetwork.sizes("784, 10")).getMessage());
    }

    @Test
    void theNetworkIsSigmoidEverywhereWithStandardNormalWeightsAndBiases() {
        Utils.setRandomSeed(1);
        Sequential net = NielsenNetwork.network(List.of(784, 30, 10), new QuadraticCost(), 3.0);
        assertEquals(2, net.layers().size());
        assertEquals(784 * 30 + 30 + 30 * 10 + 10, net.countParams());
        for (var layer : net.layers()) {
            assertEquals("sigmoid", ((Dense) layer).activation().name());
        }
        List<INDArray> w = net.getWeights();
        assertEquals(1.0, w.get(0).stdNumber().doubleValue(), 0.02, "kernel ~ N(0, 1), as np.random.randn");
        assertEquals(1.0, w.get(1).stdNumber().doubleValue(), 0.4, "biases ~ N(0, 1) too");
        assertEquals(3.0, assertInstanceOf(SGD.class, net.optimizer()).learningRate(), 1e-12);
        assertInstanceOf(QuadraticCost.class, net.loss());
    }

    @Test
    void costsByName() {
        assertInstanceOf(QuadraticCost.class, NielsenNetwork.cost("quadratic"));
        assertInstanceOf(MeanSquaredError.class, NielsenNetwork.cost("mse"));
        assertEquals("cost 'cross-entropy' is not one of this lesson's: quadratic, mse",
                assertThrows(IllegalArgumentException.class, () -> NielsenNetwork.cost("cross-entropy")).getMessage());
    }
}
