package io.github.keras4j.examples.lessons;

import io.github.keras4j.models.Sequential;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Draws the decision regions of 2-D classifiers with XChart, one panel per model in a grid of
 * {@value #COLUMNS} columns: a fine grid of points coloured by the predicted class (pale), and the training points
 * (dark), with the axes named after the two input features ({@value #X_AXIS}, {@value #Y_AXIS}) and a legend of the
 * classes below the plot (each class's region has its colour, paler).
 */
final class DecisionRegions {
    static final int COLUMNS = 2;
    static final int PANEL_WIDTH = 400;
    static final int PANEL_HEIGHT = 300;
    /** Grid points per axis. */
    static final int GRID = 60;
    static final double MIN = -1.0;
    static final double MAX = 1.0;
    /** The axis titles: the first and second input feature. */
    static final String X_AXIS = "x1";
    static final String Y_AXIS = "x2";
    private static final Color[] PALE = {new Color(255, 205, 210), new Color(200, 230, 201), new Color(187, 222, 251)};
    private static final Color[] DARK = {new Color(211, 47, 47), new Color(56, 142, 60), new Color(25, 118, 210)};

    private DecisionRegions() {
    }

    /** Writes one panel per model (titled with its key) to {@code file} as PNG. */
    static void write(Map<String, Sequential> models, double[][] points, int[] labels, Path file) throws IOException {
        List<XYChart> charts = new ArrayList<>();
        for (Map.Entry<String, Sequential> e : models.entrySet()) {
            charts.add(panel(e.getKey(), e.getValue(), points, labels));
        }
        if (charts.isEmpty()) {
            return;
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        int rows = (charts.size() + COLUMNS - 1) / COLUMNS;
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(charts, rows, Math.min(COLUMNS, charts.size()), out, BitmapEncoder.BitmapFormat.PNG);
        }
    }

    static XYChart panel(String title, Sequential model, double[][] points, int[] labels) {
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT).title(title).xAxisTitle(X_AXIS).yAxisTitle(Y_AXIS)
                .build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setLegendVisible(true).setLegendPosition(Styler.LegendPosition.OutsideS)
                .setLegendLayout(Styler.LegendLayout.Horizontal).setMarkerSize(7).setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setXAxisMin(MIN).setXAxisMax(MAX).setYAxisMin(MIN).setYAxisMax(MAX);
        int[] predicted = classes(model, grid());
        double[][] g = grid();
        for (int k = 0; k < PALE.length; k++) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < predicted.length; i++) {
                if (predicted[i] == k) {
                    xs.add(g[i][0]);
                    ys.add(g[i][1]);
                }
            }
            if (!xs.isEmpty()) {
                XYSeries s = chart.addSeries("region " + k, xs, ys);
                s.setMarker(SeriesMarkers.SQUARE).setMarkerColor(PALE[k]);
                s.setShowInLegend(false); // the legend names the classes; a region wears its class's colour
            }
        }
        for (int k = 0; k < DARK.length; k++) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < points.length; i++) {
                if (labels[i] == k) {
                    xs.add(points[i][0]);
                    ys.add(points[i][1]);
                }
            }
            if (!xs.isEmpty()) {
                XYSeries s = chart.addSeries("class " + k, xs, ys);
                s.setMarker(SeriesMarkers.DIAMOND).setMarkerColor(DARK[k]);
            }
        }
        return chart;
    }

    /** The grid's points, row by row. */
    static double[][] grid() {
        double[][] g = new double[GRID * GRID][2];
        double step = (MAX - MIN) / (GRID - 1);
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                g[i * GRID + j][0] = MIN + j * step;
                g[i * GRID + j][1] = MIN + i * step;
            }
        }
        return g;
    }

    /** The class with the highest score for each point. */
    static int[] classes(Sequential model, double[][] points) {
        INDArray scores = model.predict(Nd4j.createFromArray(points).castTo(DataType.FLOAT));
        int[] out = new int[points.length];
        for (int i = 0; i < points.length; i++) {
            out[i] = scores.getRow(i).argMax().getInt(0);
        }
        return out;
    }
}
