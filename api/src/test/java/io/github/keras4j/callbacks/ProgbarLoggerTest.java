package io.github.keras4j.callbacks;

import io.github.keras4j.SyntheticData;
import io.github.keras4j.models.FitOptions;
import io.github.keras4j.models.Sequential;
import io.github.keras4j.utils.Utils;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgbarLoggerTest {
    /** A printed value: 4 decimals, or scientific notation for magnitudes up to 1e-3. */
    private static final String V = "(\\d+\\.\\d{4}|\\d\\.\\d{4}e[+-]\\d\\d)";
    private static final SyntheticData.Labeled DATA = SyntheticData.blobs(100, 4, 3, 0.5, 1);

    private static String fit(int verbose, boolean dynamic, History[] history) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Sequential model = SyntheticData.classifier(4, 3);
        model.compile("adam", "categorical_crossentropy", "acc");
        var y = Utils.toCategorical(DATA.labels(), 3);
        history[0] = model.fit(DATA.x(), y, FitOptions.defaults().withEpochs(2).withVerbose(verbose).withBatchSize(25)
                .withValidationData(Utils.take(DATA.x(), 20), Utils.take(y, 20))
                .withCallbacks(new ProgbarLogger(new PrintStream(bytes, true, StandardCharsets.UTF_8), dynamic)));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String f(double v) {
        return Progbar.formatValue(v);
    }

    @Test
    void verboseOnePrintsTheEpochHeaderAndTheFinishedTfKeras2Line() {
        History[] h = new History[1];
        String out = fit(1, false, h);
        String masked = out.replaceAll(" - \\d+s \\d+(s|ms|us)/step", " - Ts Tms/step");
        StringBuilder expected = new StringBuilder();
        for (int e = 0; e < 2; e++) {
            expected.append("Epoch ").append(e + 1).append("/2").append(System.lineSeparator())
                    .append("4/4 [==============================] - Ts Tms/step")
                    .append(" - loss: ").append(f(h[0].history().get("loss").get(e)))
                    .append(" - acc: ").append(f(h[0].history().get("acc").get(e)))
                    .append(" - val_loss: ").append(f(h[0].history().get("val_loss").get(e)))
                    .append(" - val_acc: ").append(f(h[0].history().get("val_acc").get(e)))
                    .append(System.lineSeparator());
        }
        assertEquals(expected.toString(), masked);
        assertTrue(out.lines().skip(1).findFirst().orElseThrow()
                .matches("4/4 \\[={30}] - \\d+s \\d+(s|ms|us)/step - loss: " + V + " - acc: " + V + " - val_loss: " + V + " - val_acc: " + V));
    }

    @Test
    void onATerminalTheLineIsRedrawnInPlace() {
        String out = fit(1, true, new History[1]);
        assertTrue(out.contains("\r4/4 [==============================]"), out);
        assertFalse(out.contains("\n4/4"), "no line of its own: it overwrites the running line");
    }

    @Test
    void verboseTwoPrintsOneLinePerEpoch() {
        String out = fit(2, false, new History[1]);
        List<String> lines = out.lines().toList();
        assertEquals(4, lines.size(), out);
        assertEquals("Epoch 1/2", lines.get(0));
        assertTrue(lines.get(1).matches("4/4 - \\d+s - loss: " + V + " - acc: " + V + " - val_loss: " + V + " - val_acc: " + V
                + " - \\d+(s|ms|us)/epoch - \\d+(s|ms|us)/step"), lines.get(1));
    }

    @Test
    void verboseZeroIsSilentEvenWithAProgbarLogger() {
        assertEquals("", fit(0, true, new History[1]));
    }

    @Test
    void terminalDetectionCanBeOverriddenWithTheProperty() {
        String old = System.getProperty(ProgbarLogger.DYNAMIC_DISPLAY_PROPERTY);
        try {
            System.setProperty(ProgbarLogger.DYNAMIC_DISPLAY_PROPERTY, "true");
            assertTrue(ProgbarLogger.isTerminal());
            System.setProperty(ProgbarLogger.DYNAMIC_DISPLAY_PROPERTY, "false");
            assertFalse(ProgbarLogger.isTerminal());
            System.clearProperty(ProgbarLogger.DYNAMIC_DISPLAY_PROPERTY);
            assertEquals(System.console() != null, ProgbarLogger.isTerminal());
        } finally {
            if (old == null) {
                System.clearProperty(ProgbarLogger.DYNAMIC_DISPLAY_PROPERTY);
            } else {
                System.setProperty(ProgbarLogger.DYNAMIC_DISPLAY_PROPERTY, old);
            }
        }
        assertEquals("keras4j.progress.dynamic", ProgbarLogger.DYNAMIC_DISPLAY_PROPERTY);
    }

    @Test
    void evaluateAndPredictPrintWhenGivenAProgbarLogger() {
        Sequential model = SyntheticData.classifier(4, 3);
        model.compile("adam", "sparse_categorical_crossentropy", "acc");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        double[] score = model.evaluate(DATA.x(), DATA.labels(), 32, new ProgbarLogger(out, false));
        model.predict(DATA.x(), 32, new ProgbarLogger(out, false));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, lines.size());
        assertEquals("4/4 [==============================] - Ts Tms/step - loss: " + f(score[0]) + " - acc: " + f(score[1]),
                lines.get(0).replaceAll(" - \\d+s \\d+(s|ms|us)/step", " - Ts Tms/step"));
        assertTrue(lines.get(1).matches("4/4 \\[={30}] - \\d+s \\d+(s|ms|us)/step"), lines.get(1));
    }
}
