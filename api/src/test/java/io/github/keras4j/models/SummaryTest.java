package io.github.keras4j.models;

import io.github.keras4j.layers.BatchNormalization;
import io.github.keras4j.layers.Conv2D;
import io.github.keras4j.layers.MaxPooling2D;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Dropout;
import io.github.keras4j.layers.Flatten;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummaryTest {
    /** tf.keras 2's summary of the tutorial model, byte for byte (rows keep their trailing spaces). */
    static final String GOLDEN = """
            Model: "sequential"
            _________________________________________________________________
            Layer (type)                 Output Shape              Param #  \s
            =================================================================
            flatten (Flatten)            (None, 784)               0        \s
            _________________________________________________________________
            dense (Dense)                (None, 64)                50240    \s
            _________________________________________________________________
            dense_1 (Dense)              (None, 10)                650      \s
            =================================================================
            Total params: 50,890
            Trainable params: 50,890
            Non-trainable params: 0
            _________________________________________________________________
            """;

    static Sequential seedModel() {
        Sequential model = new Sequential();
        model.add(new Flatten().inputShape(28, 28));
        model.add(new Dense(64, "sigmoid"));
        model.add(new Dense(10, "softmax"));
        return model;
    }

    @Test
    void nonTrainableWeightsAndFrozenLayersAreCountedApart() {
        Sequential model = new Sequential(new Dense(4).inputShape(3), new BatchNormalization(), new Dense(2));
        String summary = model.summaryString();
        // Dense 3x4 + 4 = 16; BatchNormalization 4 x (gamma, beta, moving_mean, moving_variance) = 16, 8 of them
        // trainable; Dense 4x2 + 2 = 10
        assertTrue(summary.contains("batch_normalization (BatchNo (None, 4)                 16"), summary);
        assertTrue(summary.endsWith("Total params: 42\nTrainable params: 34\nNon-trainable params: 8\n" + "_".repeat(65) + "\n"), summary);
        model.layers().get(0).trainable(false);
        assertTrue(model.summaryString().contains("Total params: 42\nTrainable params: 18\nNon-trainable params: 24\n"),
                "a frozen layer's weights count as non-trainable");
    }

    /** The Keras "simple MNIST convnet" (keras.io/examples/vision/mnist_convnet), as tf.keras 2 prints it. */
    static final String CONVNET = """
            Model: "sequential"
            _________________________________________________________________
            Layer (type)                 Output Shape              Param #  \s
            =================================================================
            conv2d (Conv2D)              (None, 26, 26, 32)        320      \s
            _________________________________________________________________
            max_pooling2d (MaxPooling2D) (None, 13, 13, 32)        0        \s
            _________________________________________________________________
            conv2d_1 (Conv2D)            (None, 11, 11, 64)        18496    \s
            _________________________________________________________________
            max_pooling2d_1 (MaxPooling2 (None, 5, 5, 64)          0        \s
            _________________________________________________________________
            flatten (Flatten)            (None, 1600)              0        \s
            _________________________________________________________________
            dropout (Dropout)            (None, 1600)              0        \s
            _________________________________________________________________
            dense (Dense)                (None, 10)                16010    \s
            =================================================================
            Total params: 34,826
            Trainable params: 34,826
            Non-trainable params: 0
            _________________________________________________________________
            """;

    static Sequential convnet(boolean batchNormalization) {
        Sequential model = new Sequential();
        model.add(new Conv2D(32, 3, "relu").inputShape(28, 28, 1));
        if (batchNormalization) {
            model.add(new BatchNormalization());
        }
        model.add(new MaxPooling2D(2));
        model.add(new Conv2D(64, 3, "relu"));
        if (batchNormalization) {
            model.add(new BatchNormalization());
        }
        model.add(new MaxPooling2D(2));
        model.add(new Flatten());
        model.add(new Dropout(0.5));
        model.add(new Dense(10, "softmax"));
        return model;
    }

    @Test
    void theKerasSimpleMnistConvnetSummary() {
        assertEquals(CONVNET, convnet(false).summaryString());
    }

    @Test
    void theConvnetWithBatchNormalizationSplitsTrainableParamsAsKeras() {
        String summary = convnet(true).summaryString();
        // each BatchNormalization: 4 weights per channel (gamma, beta trainable; moving mean, variance not):
        // 32 channels -> 128 params, 64 non-trainable of them; 64 channels -> 256, 128 non-trainable
        assertTrue(summary.contains("batch_normalization (BatchNo (None, 26, 26, 32)        128"), summary);
        assertTrue(summary.contains("batch_normalization_1 (Batch (None, 11, 11, 64)        256"), summary);
        assertTrue(summary.contains("Total params: 35,210\nTrainable params: 35,018\nNon-trainable params: 192\n"), summary);
    }

    @Test
    void seedModelSummaryMatchesTfKeras2ByteForByte() {
        assertEquals(GOLDEN, seedModel().summaryString());
    }

    @Test
    void headerAndLayerRowsAre65CharactersWithColumnsAt29And55() {
        String[] lines = seedModel().summaryString().split("\n");
        assertEquals("Layer (type)                 Output Shape              Param #   ", lines[2]);
        for (int i : new int[] {2, 4, 6, 8}) {
            assertEquals(65, lines[i].length(), lines[i]);
        }
        assertEquals("Output Shape", lines[2].substring(29, 41));
        assertEquals("Param #", lines[2].substring(55, 62));
    }

    @Test
    void summaryPrintsTheSameTextToSystemOut() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            seedModel().summary();
        } finally {
            System.setOut(old);
        }
        assertEquals(GOLDEN, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void longFieldsAreCutToTheirColumnAsKerasDoes() {
        assertEquals("a_very_long_layer_name_that_" + " " + "(None, 10)" + " ".repeat(16) + "0" + " ".repeat(9),
                Summary.formatRow("a_very_long_layer_name_that_overflows (Dense)", "(None, 10)", "0"));
    }

    @Test
    void namesCountAndShapesFollowTheModel() {
        Sequential model = new Sequential("mlp", new Dense(8, "relu").inputShape(4), new Dropout(0.5), new Dense(3, "softmax"));
        String s = model.summaryString();
        assertEquals("Model: \"mlp\"", s.lines().findFirst().orElseThrow());
        assertEquals(true, s.contains("dropout (Dropout)            (None, 8)                 0"));
        assertEquals(true, s.contains("Total params: 67\n")); // 4*8+8 + 8*3+3
        assertEquals(67, model.countParams());
    }

    @Test
    void summaryOfAnUnbuiltModelSaysHowToBuildIt() {
        Sequential model = new Sequential(new Dense(3));
        IllegalStateException e = assertThrows(IllegalStateException.class, model::summaryString);
        assertEquals("Model 'sequential' is not built yet, so its output shapes and weights are unknown. Give the first layer an input"
                + " shape, e.g. new Flatten().inputShape(28, 28), call build(28, 28), or call fit or predict first.", e.getMessage());
        IllegalStateException c = assertThrows(IllegalStateException.class, model::countParams);
        assertEquals(true, c.getMessage().startsWith("Model 'sequential' is not built yet, so it has no weights to count."));
        model.build(5);
        assertEquals(18, model.countParams());
    }
}
