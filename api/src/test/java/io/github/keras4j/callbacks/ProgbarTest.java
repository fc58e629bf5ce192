package io.github.keras4j.callbacks;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProgbarTest {
    /** A clock that reads the given nanosecond values in turn. */
    private static java.util.function.LongSupplier clock(long... nanos) {
        int[] i = {0};
        return () -> nanos[Math.min(i[0]++, nanos.length - 1)];
    }

    private static Map<String, Double> logs(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        }
        return m;
    }

    @Test
    void constantsAreKeras() {
        assertEquals(30, Progbar.WIDTH);
        assertEquals(50_000_000L, Progbar.INTERVAL_NANOS);
    }

    @Test
    void finishedLineIsTheTfKeras2Format() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progbar bar = new Progbar(1875, 1, false, new PrintStream(bytes, true, StandardCharsets.UTF_8), clock(0, 2_800_000_000L));
        bar.update(1875, logs("loss", 0.26459, "acc", 0.91851, "val_loss", 0.13441, "val_acc", 0.96009), true);
        assertEquals("1875/1875 [==============================] - 3s 1ms/step - loss: 0.2646 - acc: 0.9185 - val_loss: 0.1344"
                + " - val_acc: 0.9601" + System.lineSeparator(), bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withoutATerminalOnlyFinishedLinesArePrinted() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progbar bar = new Progbar(3, 1, false, new PrintStream(bytes, true, StandardCharsets.UTF_8), clock(0, 1_000_000_000L, 2_000_000_000L,
                3_000_000_000L));
        bar.update(1, logs("loss", 1), false);
        bar.update(2, logs("loss", 1), false);
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
        bar.update(3, logs("loss", 0.5), true);
        assertEquals("3/3 [==============================] - 3s 1s/step - loss: 0.5000" + System.lineSeparator(),
                bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void onATerminalRunningLinesRedrawInPlaceWithAnArrowHeadAndEta() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // start 0; step 1 at 0.1 s; step 192 at 1.0 s (0.02 s between updates is skipped); finished at 2.0 s
        Progbar bar = new Progbar(1875, 1, true, new PrintStream(bytes, true, StandardCharsets.UTF_8),
                clock(0, 100_000_000L, 120_000_000L, 1_000_000_000L, 2_000_000_000L));
        bar.update(1, logs("loss", 2.0), false);
        bar.update(2, logs("loss", 1.5), false); // too soon after the previous redraw
        bar.update(192, logs("loss", 0.61054, "acc", 0.83811), false);
        bar.update(1875, logs("loss", 0.3), true);
        String[] parts = bytes.toString(StandardCharsets.UTF_8).split("\r", -1);
        assertEquals("", parts[0]);
        // 0.1 s for the first step: ETA 1874 * 0.1 = 187.4 s, shown as minutes:seconds.
        assertEquals("   1/1875 [..............................] - ETA: 3:07 - loss: 2.0000", parts[1]);
        // 0.9 s for 191 steps after the first: ETA (1875 - 192) * 0.9 / 191 = 7.9 s, shown truncated.
        assertEquals(" 192/1875 [==>...........................] - ETA: 7s - loss: 0.6105 - acc: 0.8381", parts[2]);
        assertEquals("1875/1875 [==============================] - 2s 1ms/step - loss: 0.3000" + " ".repeat(10) + System.lineSeparator(),
                parts[3], "a shorter line blanks the rest of the longer one before it");
    }

    @Test
    void verboseTwoPrintsOneSummaryLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progbar bar = new Progbar(1875, 2, true, new PrintStream(bytes, true, StandardCharsets.UTF_8), clock(0, 1_000_000_000L, 2_600_000_000L));
        bar.update(100, logs("loss", 1), false);
        bar.update(1875, logs("loss", 0.2646, "acc", 0.9185), true);
        assertEquals("1875/1875 - 3s - loss: 0.2646 - acc: 0.9185 - 3s/epoch - 1ms/step" + System.lineSeparator(),
                bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void valuesAndTimesFormatAsPythonDoes() {
        assertEquals("0.2646", Progbar.formatValue(0.26459));
        assertEquals("1.2346e-04", Progbar.formatValue(1.23456e-4));
        assertEquals("0.0000e+00", Progbar.formatValue(0));
        assertEquals("-5.0000", Progbar.formatValue(-5));
        assertEquals("nan", Progbar.formatValue(Double.NaN));
        assertEquals("inf", Progbar.formatValue(Double.POSITIVE_INFINITY));
        assertEquals(" 2s/epoch", Progbar.formatTime(2.5, "epoch")); // half to even, as Python's %.0f
        assertEquals(" 15ms/step", Progbar.formatTime(0.0149, "step"));
        assertEquals(" 250us/step", Progbar.formatTime(0.00025, "step"));
        assertEquals(" 0s/step", Progbar.formatTime(0, "step"));
        assertEquals("59s", Progbar.eta(59.9));
        assertEquals("2:05", Progbar.eta(125));
        assertEquals("1:02:05", Progbar.eta(3725));
    }
}
