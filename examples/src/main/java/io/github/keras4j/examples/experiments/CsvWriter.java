package io.github.keras4j.examples.experiments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes every run and epoch of a comparison as CSV (RFC 4180 quoting): one row per run and epoch, and one row
 * with empty metric cells for a run that failed before its first epoch, so no run goes missing. The metric
 * columns use Keras' log names; every setting of the run's configuration follows as a {@value #SETTING_PREFIX}
 * column, so each row carries the full configuration that produced it (the prefix keeps a setting called
 * {@code loss} apart from the loss value).
 */
public final class CsvWriter {
    /** Prefix of the columns that hold configuration settings: {@code config.epochs}, {@code config.loss}. */
    public static final String SETTING_PREFIX = "config.";

    static final List<String> FIXED_COLUMNS = List.of("comparison", "variant", "seed", "status", "status_detail",
            "parameters", "fingerprint", "epoch", "loss", "acc", "val_loss", "val_acc", "seconds");

    private CsvWriter() {
    }

    /** Writes {@link #format} of {@code result} to {@code file}, creating its folder. */
    public static void write(ComparisonResult result, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, format(result), StandardCharsets.UTF_8);
    }

    /** The CSV text: a header row, then one row per run and epoch, lines ended by {@code \n}. */
    public static String format(ComparisonResult result) {
        Set<String> settings = new LinkedHashSet<>();
        result.runs().forEach(r -> settings.addAll(r.config().settings().keySet()));
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>(FIXED_COLUMNS);
        settings.forEach(s -> header.add(SETTING_PREFIX + s));
        row(sb, header);
        for (RunResult r : result.runs()) {
            List<EpochResult> epochs = r.epochs().isEmpty() ? Collections.singletonList(null) : r.epochs();
            for (EpochResult e : epochs) {
                List<String> cells = new ArrayList<>(header.size());
                cells.add(result.comparison().title());
                cells.add(r.variant());
                cells.add(Long.toString(r.seed()));
                cells.add(r.status().kind().name());
                cells.add(r.status().detail());
                cells.add(r.parameterCount() < 0 ? "" : Long.toString(r.parameterCount()));
                cells.add(r.fingerprint());
                if (e == null) {
                    for (int i = 0; i < 6; i++) {
                        cells.add("");
                    }
                } else {
                    cells.add(Integer.toString(e.epoch()));
                    cells.add(Double.toString(e.loss()));
                    cells.add(Double.toString(e.acc()));
                    cells.add(Double.toString(e.valLoss()));
                    cells.add(Double.toString(e.valAcc()));
                    cells.add(Double.toString(e.seconds()));
                }
                for (String s : settings) {
                    Object v = r.config().settings().get(s);
                    cells.add(v == null ? "" : String.valueOf(v));
                }
                row(sb, cells);
            }
        }
        return sb.toString();
    }

    /** A cell as RFC 4180 wants it: quoted, with quotes doubled, when it holds a comma, quote, line break or edge space. */
    static String escape(String cell) {
        boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0 || (!cell.isEmpty() && (cell.charAt(0) == ' ' || cell.charAt(cell.length() - 1) == ' '));
        return quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }

    private static void row(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(escape(cells.get(i)));
        }
        sb.append('\n');
    }
}
