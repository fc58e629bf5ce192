package io.github.keras4j.examples.lessons;

import io.github.keras4j.examples.experiments.Comparison;
import io.github.keras4j.examples.experiments.RunConfig;
import io.github.keras4j.examples.experiments.Variant;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Dropout;
import io.github.keras4j.layers.Layer;
import io.github.keras4j.models.Sequential;
import io.github.keras4j.optimizers.Adam;
import io.github.keras4j.optimizers.SGD;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HelloWorldTest {
    private static final RunConfig BASE = RunConfig.of("base", "dataset", "mnist-10k", RunConfig.EPOCHS, 20)
            .with("train_images", 8000).with("hidden_layers", 2).with("units", 500).with("activation", "sigmoid")
            .with("dropout", 0.0).with("loss", "categorical_crossentropy").with("optimizer", "sgd")
            .with("learning_rate", 0.01).with("batch_size", 100).with("kernel_initializer", "glorot_uniform")
            .with("test_noise_std", 0.0);

    private static RunConfig variant(String comparison, String label) {
        Comparison c = HelloWorld.comparisons(BASE, 8000).stream().filter(x -> x.title().equals(comparison)).findFirst().orElseThrow();
        return c.variants().stream().filter(v -> v.label().equals(label)).findFirst().orElseThrow().applyTo(c.base());
    }

    @Test
    void theBaseIsTheDemosThreeLayerNetwork() {
        Sequential m = HelloWorld.model(BASE);
        assertEquals(3, m.layers().size());
        assertEquals(784 * 500 + 500 + 500 * 500 + 500 + 500 * 10 + 10, m.countParams());
        assertEquals("sigmoid", ((Dense) m.layers().get(0)).activation().name());
        assertEquals("softmax", ((Dense) m.layers().get(2)).activation().name());
        SGD sgd = assertInstanceOf(SGD.class, m.optimizer());
        assertEquals(SGD.DEFAULT_LEARNING_RATE, sgd.learningRate(), 1e-12);
        assertEquals("categorical_crossentropy", m.loss().name());
    }

    @Test
    void nineLayersAreEightHiddenDenseLayersAndTheOutput() {
        Sequential m = HelloWorld.model(variant("3 vs 9 layers, sigmoid", "9-layers"));
        assertEquals(9, m.layers().size());
        assertEquals(784 * 500 + 500 + 7 * (500 * 500 + 500) + 5010, m.countParams());
        Sequential relu = HelloWorld.model(variant("Sigmoid vs ReLU at 9 layers", "relu"));
        assertEquals(9, relu.layers().size());
        assertEquals("relu", ((Dense) relu.layers().get(7)).activation().name());
    }

    @Test
    void dropoutFollowsEveryHiddenLayerAndTheTestImagesGetTheDemosNoise() {
        RunConfig c = variant("No dropout vs dropout, noisy test images", "dropout");
        assertEquals(HelloWorld.TEST_NOISE_STD, c.number("test_noise_std"));
        List<Layer> layers = HelloWorld.model(c).layers();
        assertEquals(5, layers.size());
        assertEquals(HelloWorld.DROPOUT_RATE, assertInstanceOf(Dropout.class, layers.get(1)).rate());
        assertEquals(HelloWorld.DROPOUT_RATE, assertInstanceOf(Dropout.class, layers.get(3)).rate());
        assertEquals(0.0, variant("No dropout vs dropout, noisy test images", "no-dropout").number("dropout"));
    }

    @Test
    void theOtherPairsChangeOneThing() {
        assertEquals("mse", HelloWorld.model(variant("MSE vs cross-entropy", "mse")).loss().name().replace("mean_squared_error", "mse"));
        assertEquals(8000, variant("No mini-batch vs mini-batch", "no-mini-batch").integer("batch_size"));
        Adam adam = assertInstanceOf(Adam.class, HelloWorld.model(variant("SGD vs Adam", "adam")).optimizer());
        assertEquals(Adam.DEFAULT_LEARNING_RATE, adam.learningRate(), 1e-12);
        Sequential complex = HelloWorld.model(variant("Simple vs complex", "complex"));
        assertEquals(4, complex.layers().size());
        assertEquals(HelloWorld.COMPLEX_UNITS, ((Dense) complex.layers().get(2)).units());
        assertInstanceOf(Adam.class, HelloWorld.model(variant("Simple vs complex", "simple")).optimizer());
    }

    @Test
    void everyPairCarriesTheTutorialsNumbers() {
        List<Comparison> pairs = HelloWorld.comparisons(BASE, 8000);
        assertEquals(8, pairs.size(), "the tutorial's seven pairs and the learning-rate pair");
        for (Comparison c : pairs.subList(0, 7)) {
            assertEquals(2, c.variants().size(), c.title());
            for (Variant v : c.variants()) {
                assertEquals(true, c.reference(v.label()) != null, c.title() + " / " + v.label());
            }
        }
        assertEquals(HelloWorld.LECTURE_LEARNING_RATE, variant("SGD learning rate 0.01 vs 0.1", "lr-0.1").number("learning_rate"));
        assertEquals(0.395, pairs.get(0).reference("mse"));
        assertEquals(0.963, pairs.get(3).reference("relu"));
    }

    @Test
    void noiseIsSeededGaussianOfTheGivenStd() {
        INDArray x = Nd4j.zeros(DataType.FLOAT, 200, 784);
        assertSame(x, HelloWorld.noisy(x, 0, 1));
        INDArray a = HelloWorld.noisy(x, 0.5, 1);
        assertEquals(a, HelloWorld.noisy(x, 0.5, 1));
        assertEquals(0.5, a.stdNumber().doubleValue(), 0.01);
        assertEquals(0.0, a.meanNumber().doubleValue(), 0.01);
        assertEquals(0.0, x.sumNumber().doubleValue(), "the input is left alone");
    }

    @Test
    void anUnknownOptimizerIsNamed() {
        assertEquals("optimizer 'rmsprop' is not one of this lesson's: sgd, adam",
                assertThrows(IllegalArgumentException.class, () -> HelloWorld.optimizer(BASE.with("optimizer", "rmsprop"))).getMessage());
    }
}
