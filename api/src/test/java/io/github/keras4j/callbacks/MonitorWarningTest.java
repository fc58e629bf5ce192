package io.github.keras4j.callbacks;

import io.github.keras4j.LogCapture;
import io.github.keras4j.models.Sequential;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.github.keras4j.callbacks.CallbackTestModels.QUIET;
import static io.github.keras4j.callbacks.CallbackTestModels.X;
import static io.github.keras4j.callbacks.CallbackTestModels.Y;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A callback monitoring a value the logs do not have warns through SLF4J, not on System.err. */
class MonitorWarningTest {
    @Test
    void aMissingMonitoredValueIsLoggedNotPrinted() throws Exception {
        Sequential model = CallbackTestModels.model(0.01);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        List<String> warnings;
        try (LogCapture logs = LogCapture.of(Monitor.class)) {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            model.fit(X, Y, QUIET.withEpochs(1).withCallbacks(new EarlyStopping().monitor("val_loss")));
            warnings = logs.warnings();
        } finally {
            System.setErr(old);
        }
        assertEquals(List.of("EarlyStopping is conditioned on 'val_loss', which is not in the logs. Available: loss. Pass validation"
                + " data to fit for val_ entries, or monitor one of these."), warnings);
        assertTrue(!err.toString(StandardCharsets.UTF_8).contains("WARNING: EarlyStopping"), "not printed to System.err by the library");
        io.github.keras4j.CataloguedWarnings.assertCatalogued(warnings.get(0));
    }
}
