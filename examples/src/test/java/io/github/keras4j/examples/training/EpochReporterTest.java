package io.github.keras4j.examples.training;

import io.github.keras4j.examples.experiments.EpochResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EpochReporterTest {
    @Test
    void reportsKerasLogNamesWithEpochsCountedFromOne() {
        List<EpochResult> seen = new ArrayList<>();
        EpochReporter reporter = new EpochReporter(seen::add);
        reporter.onEpochBegin(0, new HashMap<>());
        reporter.onEpochEnd(0, Map.of("loss", 0.5, "acc", 0.8, "val_loss", 0.6, "val_acc", 0.75));
        reporter.onEpochBegin(1, new HashMap<>());
        reporter.onEpochEnd(1, Map.of("loss", 0.4, "accuracy", 0.85, "val_loss", 0.5, "val_accuracy", 0.8));

        assertEquals(2, seen.size());
        EpochResult first = seen.get(0);
        assertEquals(1, first.epoch());
        assertEquals(0.5, first.loss());
        assertEquals(0.8, first.acc());
        assertEquals(0.6, first.valLoss());
        assertEquals(0.75, first.valAcc());
        assertTrue(first.seconds() >= 0);
        EpochResult second = seen.get(1);
        assertEquals(2, second.epoch());
        assertEquals(0.85, second.acc(), "a metric compiled as \"accuracy\" is reported too");
        assertEquals(0.8, second.valAcc());
        assertEquals(seen, reporter.epochs());
    }

    @Test
    void missingValuesAreNaN() {
        List<EpochResult> seen = new ArrayList<>();
        EpochReporter reporter = new EpochReporter(seen::add);
        reporter.onEpochBegin(0, new HashMap<>());
        reporter.onEpochEnd(0, Map.of("loss", 0.25));
        assertEquals(0.25, seen.get(0).loss());
        assertTrue(Double.isNaN(seen.get(0).acc()));
        assertTrue(Double.isNaN(seen.get(0).valLoss()));
        assertTrue(Double.isNaN(seen.get(0).valAcc()));
    }

    @Test
    void needsAListener() {
        assertEquals("EpochReporter needs a listener, got null",
                assertThrows(IllegalArgumentException.class, () -> new EpochReporter(null)).getMessage());
    }
}
