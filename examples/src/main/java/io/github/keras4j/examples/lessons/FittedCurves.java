package io.github.keras4j.examples.lessons;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Draws fitted 1-D curves with XChart: one panel per function, the target in black (dashed) and each model's curve
 * in its own colour, panels side by side.
 */
final class FittedCurves {
    static final int PANEL_WIDTH = 440;
    static final int PANEL_HEIGHT = 320;
    static final String TARGET = "target";

    private FittedCurves() {
    }

    /** {@code curves}: per function title, the curves by name ({@value #TARGET} first) over {@code xs}. */
    static void write(Map<String, Map<String, double[]>> curves, double[] xs, Path file) throws IOException {
        List<XYChart> charts = new ArrayList<>();
        for (Map.Entry<String, Map<String, double[]>> e : curves.entrySet()) {
            XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT).title(e.getKey()).xAxisTitle("x").build();
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS).setLegendLayout(Styler.LegendLayout.Horizontal)
                    .setChartBackgroundColor(Color.WHITE);
            for (Map.Entry<String, double[]> c : e.getValue().entrySet()) {
                XYSeries s = chart.addSeries(c.getKey(), xs, c.getValue());
                s.setMarker(SeriesMarkers.NONE);
                if (c.getKey().equals(TARGET)) {
                    s.setLineColor(Color.BLACK).setLineStyle(SeriesLines.DASH_DASH);
                }
            }
            charts.add(chart);
        }
        if (charts.isEmpty()) {
            return;
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(charts, 1, charts.size(), out, BitmapEncoder.BitmapFormat.PNG);
        }
    }
}
