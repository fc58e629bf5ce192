package io.github.keras4j.examples.experiments;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes everything about one comparison into its own folder: {@value #CSV_FILE} (every run and epoch),
 * {@value #MARKDOWN_FILE} (the table) and the plots of {@link PlotWriter}.
 */
public final class ComparisonReport {
    public static final String CSV_FILE = "runs.csv";
    public static final String MARKDOWN_FILE = "summary.md";

    private ComparisonReport() {
    }

    /** Writes the CSV, the plots and the Markdown table into {@code folder}; returns the Markdown text. */
    public static String write(ComparisonResult result, Path folder) throws IOException {
        CsvWriter.write(result, folder.resolve(CSV_FILE));
        List<String> plots = PlotWriter.write(result, folder);
        return MarkdownWriter.write(result, plots, folder.resolve(MARKDOWN_FILE));
    }
}
