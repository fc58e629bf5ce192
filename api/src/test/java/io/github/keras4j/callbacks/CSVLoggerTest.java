package io.github.keras4j.callbacks;

import io.github.keras4j.SyntheticData;
import io.github.keras4j.models.FitOptions;
import io.github.keras4j.models.Sequential;
import io.github.keras4j.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CSVLoggerTest {
    @TempDir
    Path dir;

    @Test
    void writesKerasColumnsAndOneRowPerEpoch() throws Exception {
        var data = SyntheticData.blobs(40, 4, 2, 0.5, 3);
        var y = Utils.toCategorical(data.labels(), 2);
        Sequential model = SyntheticData.classifier(4, 2);
        model.compile("adam", "categorical_crossentropy", "acc");
        Path file = dir.resolve("logs/training.csv");
        History h = model.fit(data.x(), y, FitOptions.defaults().withVerbose(0).withEpochs(3)
                .withValidationData(Utils.take(data.x(), 10), Utils.take(y, 10)).withCallbacks(new CSVLogger(file)));
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\r\n"), "rows end as Python's csv module ends them");
        List<String> lines = List.of(text.split("\r\n"));
        assertEquals("epoch,acc,loss,val_acc,val_loss", lines.get(0), "Keras writes the log keys sorted by name");
        assertEquals(4, lines.size());
        for (int e = 0; e < 3; e++) {
            String[] cells = lines.get(e + 1).split(",");
            assertEquals(String.valueOf(e), cells[0]);
            assertEquals(h.history().get("acc").get(e), Double.parseDouble(cells[1]));
            assertEquals(h.history().get("loss").get(e), Double.parseDouble(cells[2]));
            assertEquals(h.history().get("val_acc").get(e), Double.parseDouble(cells[3]));
            assertEquals(h.history().get("val_loss").get(e), Double.parseDouble(cells[4]));
        }

        // append: a second fit adds rows under the same header
        model.fit(data.x(), y, FitOptions.defaults().withVerbose(0).withEpochs(2)
                .withValidationData(Utils.take(data.x(), 10), Utils.take(y, 10)).withCallbacks(new CSVLogger(file, ",", true)));
        List<String> appended = List.of(Files.readString(file).split("\r\n"));
        assertEquals(6, appended.size());
        assertEquals(1, appended.stream().filter(l -> l.startsWith("epoch")).count());
        assertTrue(appended.get(5).startsWith("1,"));

        // without append the file starts over
        model.fit(data.x(), y, FitOptions.defaults().withVerbose(0).withCallbacks(new CSVLogger(file.toString())));
        assertEquals(2, Files.readString(file).split("\r\n").length);
    }

    @Test
    void missingKeysAreWrittenNA() throws Exception {
        Path file = dir.resolve("na.csv");
        Sequential model = CallbackTestModels.model(0.01);
        Callback onlyFirst = new Callback() {
            @Override
            public void onEpochEnd(int epoch, java.util.Map<String, Double> logs) {
                if (epoch == 0) {
                    logs.put("extra", 1.5e-5);
                }
            }
        };
        model.fit(CallbackTestModels.X, CallbackTestModels.Y, CallbackTestModels.QUIET.withEpochs(2).withCallbacks(onlyFirst,
                new CSVLogger(file, ";", false)));
        List<String> lines = List.of(Files.readString(file).split("\r\n"));
        assertEquals("epoch;extra;loss", lines.get(0));
        assertTrue(lines.get(1).startsWith("0;1.5e-05;"), lines.get(1));
        assertTrue(lines.get(2).startsWith("1;NA;"), lines.get(2));
    }

    @Test
    void floatsAreWrittenAsPythonWritesThem() {
        assertEquals("0.25", CSVLogger.pythonFloat(0.25));
        assertEquals("1.0", CSVLogger.pythonFloat(1));
        assertEquals("0.0001", CSVLogger.pythonFloat(1e-4));
        assertEquals("1.5e-05", CSVLogger.pythonFloat(1.5e-5));
        assertEquals("1e+16", CSVLogger.pythonFloat(1e16));
        assertEquals("123456.0", CSVLogger.pythonFloat(123456));
        assertEquals("-2.5e-07", CSVLogger.pythonFloat(-2.5e-7));
        assertEquals("nan", CSVLogger.pythonFloat(Double.NaN));
        assertEquals("-inf", CSVLogger.pythonFloat(Double.NEGATIVE_INFINITY));
        assertEquals("0.0", CSVLogger.pythonFloat(0));
    }

    @Test
    void anUnwritableFileIsReportedWithItsPath() throws Exception {
        Path blocker = Files.writeString(dir.resolve("file"), "x");
        Sequential model = CallbackTestModels.model(0.01);
        var e = assertThrows(java.io.UncheckedIOException.class, () -> model.fit(CallbackTestModels.X, CallbackTestModels.Y,
                CallbackTestModels.QUIET.withCallbacks(new CSVLogger(blocker.resolve("sub.csv")))));
        assertTrue(e.getMessage().startsWith("CSVLogger cannot open " + blocker.resolve("sub.csv").toAbsolutePath()), e.getMessage());
    }
}
