package io.github.keras4j.examples.experiments;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a comparison as a Markdown section: the base configuration and seeds, then one table row per variant
 * with final and best validation accuracy, final training and validation loss and seconds per epoch as mean ± std over the
 * seeds, the parameter count, the lesson's reference value and how many runs ended OK, diverged or failed;
 * then the runs that did not end OK, and links to the plots.
 */
public final class MarkdownWriter {
    /** Decimal places of accuracies and losses. */
    public static final int METRIC_DECIMALS = 4;
    /** Decimal places of seconds per epoch. */
    public static final int SECONDS_DECIMALS = 2;

    private MarkdownWriter() {
    }

    /** Writes {@link #format} to {@code file}, creating its folder, and returns the text. */
    public static String write(ComparisonResult result, List<String> plotFiles, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        String text = format(result, plotFiles);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return text;
    }

    /**
     * The Markdown text of one comparison.
     *
     * @param plotFiles image files to link below the table, relative to the Markdown file; may be empty
     */
    public static String format(ComparisonResult result, List<String> plotFiles) {
        Comparison c = result.comparison();
        StringBuilder sb = new StringBuilder();
        sb.append("## ").append(cell(c.title())).append("\n\n");
        sb.append("Base configuration: `").append(c.base().describe()).append("`. ")
                .append(result.seeds().size()).append(result.seeds().size() == 1 ? " seed (" : " seeds (")
                .append(result.seeds().stream().map(String::valueOf).collect(Collectors.joining(", "))).append("). ")
                .append("Values are mean ± sample std over the runs that ended OK; accuracies are on the validation data.\n\n");
        sb.append("| variant | settings | final val_acc | best val_acc | lesson | final loss | final val_loss | s/epoch | params | runs |\n");
        sb.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (VariantSummary s : VariantSummary.allOf(result)) {
            sb.append("| ").append(cell(s.variant().label()))
                    .append(" | ").append(cell(s.variant().describe()))
                    .append(" | ").append(s.finalValAcc().format(METRIC_DECIMALS))
                    .append(" | ").append(s.bestValAcc().format(METRIC_DECIMALS))
                    .append(" | ").append(s.reference() == null ? "" : plain(s.reference()))
                    .append(" | ").append(s.finalLoss().format(METRIC_DECIMALS))
                    .append(" | ").append(s.finalValLoss().format(METRIC_DECIMALS))
                    .append(" | ").append(s.secondsPerEpoch().format(SECONDS_DECIMALS))
                    .append(" | ").append(s.parametersText())
                    .append(" | ").append(s.statusText())
                    .append(" |\n");
        }
        List<RunResult> notOk = result.runs().stream().filter(r -> !r.status().isOk()).toList();
        if (!notOk.isEmpty()) {
            sb.append("\nRuns that did not end OK:\n\n");
            for (RunResult r : notOk) {
                sb.append("- ").append(cell(r.variant())).append(", seed ").append(r.seed()).append(": ")
                        .append(cell(r.status().toString())).append('\n');
            }
        }
        if (!plotFiles.isEmpty()) {
            sb.append('\n');
            for (String f : plotFiles) {
                sb.append("![").append(f).append("](").append(f).append(")\n");
            }
        }
        return sb.toString();
    }

    /** Text safe inside a table cell: pipes escaped, line breaks turned into spaces. */
    static String cell(String text) {
        return text.replace("|", "\\|").replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    /** A reference value as the lesson wrote it: {@code 0.919}, not {@code 0.9190}. */
    private static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
