package io.github.keras4j.examples.lessons;

import io.github.keras4j.models.Sequential;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConvolutionalNetworkTest {
    // Parameter counts worked out from Keras' definitions: a Conv2D has kh*kw*in*filters + filters weights, a
    // BatchNormalization 4 per channel (gamma and beta trainable, the moving mean and variance not), a Dense
    // in*units + units; the convnet's Flatten sees 5*5*64 = 1600 values.
    private static final long CONV1 = 3 * 3 * 1 * 32 + 32;
    private static final long CONV2 = 3 * 3 * 32 * 64 + 64;
    private static final long DENSE = 1600 * 10 + 10;

    @Test
    void theMlpIsTheTutorialsModel() {
        assertEquals(784 * 64 + 64 + 64 * 10 + 10, built(ConvolutionalNetwork.MLP).countParams());
    }

    @Test
    void theConvnetIsKerasSimpleMnistConvnet() {
        Sequential model = built(ConvolutionalNetwork.CONVNET);
        assertEquals(34_826, CONV1 + CONV2 + DENSE);
        assertEquals(CONV1 + CONV2 + DENSE, model.countParams());
        String summary = model.summaryString();
        for (String shape : new String[] {"(None, 26, 26, 32)", "(None, 13, 13, 32)", "(None, 11, 11, 64)",
                "(None, 5, 5, 64)", "(None, 1600)", "(None, 10)"}) {
            assertTrue(summary.contains(shape), shape + " in\n" + summary);
        }
    }

    @Test
    void batchNormalizationAddsFourWeightsPerChannelOfWhichTwoTrain() {
        Sequential model = built(ConvolutionalNetwork.CONVNET_BN);
        long batchNorm = 4 * 32 + 4 * 64;
        assertEquals(CONV1 + CONV2 + DENSE + batchNorm, model.countParams());
        String summary = model.summaryString();
        assertTrue(summary.contains(String.format(java.util.Locale.ROOT, "Non-trainable params: %,d", 2 * 32 + 2 * 64)),
                summary);
    }

    private static Sequential built(String variant) {
        Sequential model = ConvolutionalNetwork.model(variant);
        model.compile("adam", "categorical_crossentropy", "acc");
        return model;
    }
}
