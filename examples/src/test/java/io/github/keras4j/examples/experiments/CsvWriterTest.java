package io.github.keras4j.examples.experiments;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvWriterTest {
    private static final String HEADER = "comparison,variant,seed,status,status_detail,parameters,fingerprint,"
            + "epoch,loss,acc,val_loss,val_acc,seconds,config.epochs,config.activation";

    @Test
    void oneRowPerRunAndEpochWithEverySetting() {
        List<String> lines = CsvWriter.format(SummaryFixtures.result()).lines().toList();

        assertEquals(HEADER, lines.get(0));
        // 5 runs with 2 epochs, 1 failed run without epochs, whose message spans two lines inside its quotes
        assertEquals(1 + 5 * 2 + 1, parse(CsvWriter.format(SummaryFixtures.result())).size());
        assertEquals(1 + 5 * 2 + 1 + 1, lines.size());
        assertEquals("Sigmoid vs ReLU,sigmoid,1,OK,,50890,fp1,1,0.4,0.8,0.5,0.91,1.0,2,sigmoid", lines.get(1));
        assertEquals("Sigmoid vs ReLU,sigmoid,1,OK,,50890,fp1,2,0.3,0.9,0.4,0.9,2.0,2,sigmoid", lines.get(2));
        assertEquals("Sigmoid vs ReLU,relu | fast,2,DIVERGED,NaN loss at epoch 2,50890,fp2,2,NaN,0.9,NaN,0.098,2.0,2,relu",
                lines.get(10));
    }

    @Test
    void aRunWithoutEpochsStillHasARowAndCellsAreQuotedPerRfc4180() {
        String csv = CsvWriter.format(SummaryFixtures.result());
        // the failure message holds quotes, a comma and a line break: quoted, quotes doubled, the break kept inside
        assertTrue(csv.endsWith("Sigmoid vs ReLU,relu | fast,3,FAILED,"
                + "\"IllegalStateException: out of \"\"memory\"\", badly\nsecond line\",,,,,,,,,2,relu\n"), csv);
        List<List<String>> rows = parse(csv);
        assertEquals(12, rows.size());
        assertEquals("IllegalStateException: out of \"memory\", badly\nsecond line", rows.get(11).get(4));
        rows.forEach(r -> assertEquals(15, r.size(), r.toString()));
    }

    @Test
    void settingValuesAreEscapedToo() {
        RunConfig base = RunConfig.of("base", "layers", "784,64,10", "note", " padded ");
        RunResult run = new RunResult(base.named("a,b"), 1, List.of(new EpochResult(1, 0.5, 0.5, 0.5, 0.5, 1)), 10,
                RunStatus.ok(), "x\"y");
        ComparisonResult r = new ComparisonResult(new Comparison("T", base, List.of(Variant.of("a,b"))), List.of(1L), List.of(run));
        assertEquals("T,\"a,b\",1,OK,,10,\"x\"\"y\",1,0.5,0.5,0.5,0.5,1.0,\"784,64,10\",\" padded \"",
                CsvWriter.format(r).lines().toList().get(1));
    }

    @Test
    void escapeLeavesPlainCellsAlone() {
        assertEquals("plain", CsvWriter.escape("plain"));
        assertEquals("", CsvWriter.escape(""));
        assertEquals("\"a\rb\"", CsvWriter.escape("a\rb"));
        assertEquals("\"\"\"\"", CsvWriter.escape("\""));
    }

    @Test
    void writesTheFileCreatingItsFolder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("deep/runs.csv");
        CsvWriter.write(SummaryFixtures.result(), file);
        assertEquals(CsvWriter.format(SummaryFixtures.result()), Files.readString(file, StandardCharsets.UTF_8));
    }

    /** A small RFC 4180 reader, independent of the writer, to check that what it writes reads back. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char ch = csv.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(ch);
            }
        }
        return rows;
    }
}
