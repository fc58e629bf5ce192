package io.github.keras4j.examples.playground;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The settings ⇄ URL hash mapping, against the parameter names, values and defaults of the Playground's state.ts. */
class PlaygroundStateTest {
    /** The hash of the Playground's starting page, as playground.tensorflow.org writes it. */
    static final String PLAYGROUND_LINK = "#activation=tanh&batchSize=10&dataset=circle&regDataset=reg-plane&learningRate=0.03"
            + "&regularizationRate=0&noise=0&networkShape=4,2&seed=0.12345&showTestData=false&discretize=false&percTrainData=50"
            + "&x=true&y=true&xTimesY=false&xSquared=false&ySquared=false&cosX=false&sinX=false&cosY=false&sinY=false"
            + "&collectStats=false&problem=classification&initZero=false&hideText=false";

    @Test
    void aPlaygroundLinkOpensTheSameSetup() {
        PlaygroundState s = PlaygroundState.parse(PLAYGROUND_LINK, "unused");
        assertEquals(PlaygroundState.defaults("0.12345"), s);
        assertEquals("0.12345", s.seed());
        assertEquals(List.of(4, 2), s.networkShape());
        assertEquals(List.of(Feature.X, Feature.Y), s.inputs());
    }

    @Test
    void defaultsAreThePlaygrounds() {
        PlaygroundState d = PlaygroundState.parse("", "0.777");
        assertEquals("tanh", d.activation());
        assertEquals("none", d.regularization());
        assertEquals(10, d.batchSize());
        assertEquals(DataGenerator.CIRCLE, d.dataset());
        assertEquals(DataGenerator.REG_PLANE, d.regDataset());
        assertEquals(0.03, d.learningRate());
        assertEquals(0, d.regularizationRate());
        assertEquals(0, d.noise());
        assertEquals(50, d.percTrainData());
        assertFalse(d.regression());
        assertEquals("0.777", d.seed(), "no seed in the hash: the one drawn for the page");
    }

    @Test
    void everySettingSurvivesTheRoundTrip() {
        String hash = "activation=relu&batchSize=30&dataset=spiral&regDataset=reg-gauss&learningRate=0.00001&regularization=L1"
                + "&regularizationRate=0.003&noise=35&networkShape=8,1,6&seed=abc&showTestData=true&discretize=true&percTrainData=90"
                + "&x=false&y=true&xSquared=true&ySquared=false&xTimesY=true&sinX=true&sinY=false&problem=regression&initZero=true";
        PlaygroundState s = PlaygroundState.parse(hash, "unused");
        assertEquals(hash, s.toHash());
        assertEquals(EnumSet.of(Feature.Y, Feature.X_SQUARED, Feature.X_TIMES_Y, Feature.SIN_X), EnumSet.copyOf(s.features()));
        assertEquals(DataGenerator.REG_GAUSS, s.generator());
        assertEquals(s, PlaygroundState.parse(s.toHash(), "other"));
    }

    @Test
    void readsLikeThePlayground() {
        PlaygroundState s = PlaygroundState.parse("#networkShape=&x=0&y=false&tutorial=dataset&hideText=true&x_hide=true", "1");
        assertEquals(List.of(), s.networkShape(), "an empty networkShape is no hidden layer");
        assertTrue(s.features().contains(Feature.X), "any value but 'false' is true, as there");
        assertFalse(s.features().contains(Feature.Y));
        assertEquals("1", PlaygroundState.parse("seed=", "1").seed(), "a blank value counts as absent");
        assertEquals(0.001, PlaygroundState.parse("learningRate=1e-3", "1").learningRate(), "numbers as JavaScript's + reads them");
    }

    @Test
    void numbersAreWrittenAsJavaScriptWritesThem() {
        assertEquals("0.03", JsNumbers.format(0.03));
        assertEquals("10", JsNumbers.format(10));
        assertEquals("0.00001", JsNumbers.format(0.00001));
        assertEquals("1e-7", JsNumbers.format(1e-7));
    }

    @Test
    void badSettingsAreRefusedWithWhatWasExpected() {
        assertEquals("Unknown dataset 'moons'. Known: circle, xor, gauss, spiral.", refused("dataset=moons"));
        assertEquals("Unknown activation 'softmax'. Known: relu, tanh, sigmoid, linear.", refused("activation=softmax"));
        assertEquals("networkShape has 9 hidden layers; the Playground allows 0 to 6, each of 1 to 8 neurons, e.g. networkShape=4,2.",
                refused("networkShape=1,1,1,1,1,1,1,1,1"));
        assertEquals("networkShape entry '9' is not a layer size: each hidden layer has 1 to 8 neurons, e.g. networkShape=4,2.",
                refused("networkShape=4,9"));
        assertEquals("learningRate must be a number from 0.00001 to 10, got 'abc'.", refused("learningRate=abc"));
        assertEquals("batchSize must be a whole number from 1 to 30, got '2.5'.", refused("batchSize=2.5"));
        assertEquals("noise must be a number from 0 to 50, got '51'.", refused("noise=51"));
        assertEquals("The settings are 102400 characters long; a Playground URL's take about 400, and at most 4096 are accepted.",
                refused("a=" + "x".repeat(102398)));
    }

    private static String refused(String hash) {
        return assertThrows(IllegalArgumentException.class, () -> PlaygroundState.parse(hash, "1")).getMessage();
    }
}
