package io.github.keras4j.examples.experiments;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Draws a comparison's learning curves with XChart, as two PNG files: {@value #LOSS_FILE} (training and
 * validation loss per epoch) and {@value #ACCURACY_FILE} (training and validation accuracy). Each variant has
 * one colour, training solid and validation dashed; each point is the mean over the variant's runs that ended
 * OK (a diverged run has no loss to draw). Rendering needs no display: {@code java.awt.headless} is set unless
 * the application chose otherwise.
 */
public final class PlotWriter {
    /** Width of each image in pixels. */
    public static final int WIDTH = 800;
    /** Height of each image in pixels. */
    public static final int HEIGHT = 500;
    public static final String LOSS_FILE = "loss.png";
    public static final String ACCURACY_FILE = "accuracy.png";

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private PlotWriter() {
    }

    /**
     * Writes the loss and accuracy plots of {@code result} into {@code folder} and returns the names of the files
     * written; a plot with nothing to draw (no run ended OK) is skipped.
     */
    public static List<String> write(ComparisonResult result, Path folder) throws IOException {
        Files.createDirectories(folder);
        List<String> written = new ArrayList<>();
        String title = result.comparison().title();
        if (save(chart(result, title + ": loss", "loss", EpochResult::loss, EpochResult::valLoss), folder.resolve(LOSS_FILE))) {
            written.add(LOSS_FILE);
        }
        if (save(chart(result, title + ": accuracy", "accuracy", EpochResult::acc, EpochResult::valAcc),
                folder.resolve(ACCURACY_FILE))) {
            written.add(ACCURACY_FILE);
        }
        return written;
    }

    static XYChart chart(ComparisonResult result, String title, String yTitle,
                         ToDoubleFunction<EpochResult> train, ToDoubleFunction<EpochResult> validation) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("epoch").yAxisTitle(yTitle).build();
        // The legend to the right, one entry per line: XChart does not wrap a horizontal legend, so below the plot six
        // entries ("12 neurons train", ...) ran off the image's right edge; beside it the plot narrows instead.
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE).setLegendLayout(Styler.LegendLayout.Vertical)
                .setMarkerSize(5);
        chart.getStyler().setXAxisDecimalPattern("#0");
        Color[] colors = chart.getStyler().getSeriesColors();
        int v = 0;
        for (Variant variant : result.comparison().variants()) {
            List<RunResult> ok = result.runsOf(variant.label()).stream().filter(r -> r.status().isOk()).toList();
            Color color = colors[v++ % colors.length];
            add(chart, variant.label() + " train", meanCurve(ok, train), color, SeriesLines.SOLID);
            add(chart, variant.label() + " val", meanCurve(ok, validation), color, SeriesLines.DASH_DASH);
        }
        return chart;
    }

    /** {epochs, means}: for each epoch number, the mean of the finite values the runs have for it. */
    static double[][] meanCurve(List<RunResult> runs, ToDoubleFunction<EpochResult> metric) {
        int longest = runs.stream().mapToInt(r -> r.epochs().size()).max().orElse(0);
        double[] sum = new double[longest + 1];
        int[] count = new int[longest + 1];
        for (RunResult r : runs) {
            for (EpochResult e : r.epochs()) {
                double y = metric.applyAsDouble(e);
                if (Double.isFinite(y) && e.epoch() <= longest) {
                    sum[e.epoch()] += y;
                    count[e.epoch()]++;
                }
            }
        }
        List<double[]> points = new ArrayList<>();
        for (int epoch = 1; epoch <= longest; epoch++) {
            if (count[epoch] > 0) {
                points.add(new double[] {epoch, sum[epoch] / count[epoch]});
            }
        }
        double[][] xy = new double[2][points.size()];
        for (int i = 0; i < points.size(); i++) {
            xy[0][i] = points.get(i)[0];
            xy[1][i] = points.get(i)[1];
        }
        return xy;
    }

    private static void add(XYChart chart, String name, double[][] xy, Color color, BasicStroke line) {
        if (xy[0].length == 0) {
            return; // no finite values: the run had no validation data, or nothing ended OK
        }
        XYSeries s = chart.addSeries(name, xy[0], xy[1]);
        s.setLineColor(color);
        s.setMarkerColor(color);
        s.setLineStyle(line);
        s.setMarker(SeriesMarkers.CIRCLE);
    }

    private static boolean save(XYChart chart, Path file) throws IOException {
        if (chart.getSeriesMap().isEmpty()) {
            Files.deleteIfExists(file); // a stale plot from an earlier run would contradict the table
            return false;
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
        return true;
    }
}
