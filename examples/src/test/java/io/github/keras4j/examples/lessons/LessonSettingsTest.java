package io.github.keras4j.examples.lessons;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The settings the lessons' Javadoc and the README state, as the tutorials give them. */
class LessonSettingsTest {
    @Test
    void kerasMnist() {
        assertEquals(10, KerasMnist.EPOCHS);
        assertEquals(0.9714, KerasMnist.TUTORIAL_TEST_ACCURACY);
        assertEquals("keras-mnist", new KerasMnist().name(), "the README's main command runs this name");
    }

    @Test
    void helloWorld() {
        assertEquals(20, HelloWorld.EPOCHS);
        assertEquals(10_000, HelloWorld.TRAIN_IMAGES);
        assertEquals(500, HelloWorld.UNITS);
        assertEquals(100, HelloWorld.BATCH_SIZE);
        assertEquals(0.7, HelloWorld.DROPOUT_RATE);
        assertEquals(1.0 / 255, HelloWorld.TEST_NOISE_STD);
        assertEquals(689, HelloWorld.COMPLEX_UNITS);
        assertEquals(0.1, HelloWorld.LECTURE_LEARNING_RATE);
    }

    @Test
    void nielsen() {
        assertEquals(30, NielsenNetwork.EPOCHS);
        assertEquals(10, NielsenNetwork.BATCH_SIZE);
        assertEquals(3.0, NielsenNetwork.LEARNING_RATE);
        assertEquals(30, NielsenNetwork.HIDDEN);
        assertEquals(0.95, NielsenNetwork.BOOK_ACCURACY);
    }

    @Test
    void softmaxNetwork() {
        assertEquals(20, SoftmaxNetwork.EPOCHS);
        assertEquals(500, SoftmaxNetwork.HIDDEN);
        assertEquals(0.1, SoftmaxNetwork.LEARNING_RATE);
        assertEquals(100, SoftmaxNetwork.BATCH_SIZE);
        assertEquals(1e-4, SoftmaxNetwork.L2);
    }

    @Test
    void linearClassifier() {
        assertEquals(200, LinearClassifier.DEMO_EPOCHS);
        assertEquals(0.1, LinearClassifier.DEMO_LEARNING_RATE);
        assertEquals(0.1, LinearClassifier.DEMO_L2);
        assertEquals(1.0, LinearClassifier.STRONG_L2);
        assertEquals(10, LinearClassifier.IMAGE_EPOCHS);
        assertEquals(1e-4, LinearClassifier.IMAGE_L2);
        assertEquals("decision-regions.png", LinearClassifier.REGIONS_FILE);
    }

    @Test
    void fittingFunctions() {
        assertEquals(2000, FittingFunctions.EPOCHS);
        assertEquals(200, FittingFunctions.TRAIN_POINTS);
        assertEquals(101, FittingFunctions.TEST_POINTS);
        assertEquals("tanh", FittingFunctions.ACTIVATION);
        assertEquals(0.01, FittingFunctions.LEARNING_RATE);
        assertEquals(java.util.List.of(3, 6, 12), FittingFunctions.WIDTHS);
        assertEquals("fitted-curves.png", FittingFunctions.CURVES_FILE);
    }
}
