package io.github.keras4j.examples.experiments;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlotWriterTest {
    @Test
    void writesLossAndAccuracyPngsOfTheExpectedSize(@TempDir Path dir) throws Exception {
        List<String> files = PlotWriter.write(SummaryFixtures.result(), dir);

        assertEquals(List.of("loss.png", "accuracy.png"), files);
        for (String f : files) {
            BufferedImage image = ImageIO.read(dir.resolve(f).toFile());
            assertNotNull(image, f + " is not a readable image");
            assertEquals(PlotWriter.WIDTH, image.getWidth());
            assertEquals(PlotWriter.HEIGHT, image.getHeight());
            assertTrue(colours(image) > 10, f + " looks blank: a chart has curves, text and a legend");
        }
        assertEquals(800, PlotWriter.WIDTH);
        assertEquals(500, PlotWriter.HEIGHT);
    }

    @Test
    void eachVariantHasATrainingAndAValidationCurveWithTitles() {
        XYChart chart = PlotWriter.chart(SummaryFixtures.result(), "Sigmoid vs ReLU: loss", "loss",
                EpochResult::loss, EpochResult::valLoss);
        assertEquals(Set.of("sigmoid train", "sigmoid val", "relu | fast train", "relu | fast val"), chart.getSeriesMap().keySet());
        assertEquals("Sigmoid vs ReLU: loss", chart.getTitle());
        assertEquals("epoch", chart.getXAxisTitle());
        assertEquals("loss", chart.getYAxisTitle());
        assertEquals(chart.getSeriesMap().get("sigmoid train").getLineColor(), chart.getSeriesMap().get("sigmoid val").getLineColor(),
                "a variant keeps one colour");
    }

    @Test
    void curvesAreMeansOverTheOkRunsPerEpoch() {
        List<RunResult> ok = SummaryFixtures.result().runsOf("sigmoid");
        double[][] loss = PlotWriter.meanCurve(ok, EpochResult::loss);
        assertArrayEquals(new double[] {1, 2}, loss[0]);
        assertArrayEquals(new double[] {0.35, 0.25}, loss[1], 1e-12); // (0.4 + 0.3 + 0.35) / 3, (0.3 + 0.2 + 0.25) / 3
        double[][] valAcc = PlotWriter.meanCurve(ok, EpochResult::valAcc);
        assertArrayEquals(new double[] {0.94, 0.92}, valAcc[1], 1e-12);
    }

    @Test
    void nonFiniteValuesAndMissingEpochsAreSkipped() {
        RunConfig c = SummaryFixtures.BASE;
        RunResult shortRun = new RunResult(c, 1, List.of(new EpochResult(1, 1.0, 0.5, Double.NaN, Double.NaN, 1)), 1,
                RunStatus.ok(), "");
        RunResult longRun = new RunResult(c, 2, List.of(new EpochResult(1, 3.0, 0.5, Double.NaN, Double.NaN, 1),
                new EpochResult(2, Double.POSITIVE_INFINITY, 0.5, Double.NaN, Double.NaN, 1),
                new EpochResult(3, 2.0, 0.5, Double.NaN, Double.NaN, 1)), 1, RunStatus.ok(), "");
        double[][] xy = PlotWriter.meanCurve(List.of(shortRun, longRun), EpochResult::loss);
        assertArrayEquals(new double[] {1, 3}, xy[0]);
        assertArrayEquals(new double[] {2.0, 2.0}, xy[1]);
        assertEquals(0, PlotWriter.meanCurve(List.of(shortRun, longRun), EpochResult::valLoss)[0].length);
    }

    @Test
    void nothingToDrawWritesNoFile(@TempDir Path dir) throws Exception {
        RunConfig base = SummaryFixtures.BASE;
        ComparisonResult r = new ComparisonResult(new Comparison("All failed", base, List.of(Variant.of("a"))), List.of(1L),
                List.of(new RunResult(base.named("a"), 1, List.of(), -1, RunStatus.failed("boom"), "")));
        Files.writeString(dir.resolve(PlotWriter.LOSS_FILE), "stale");
        assertEquals(List.of(), PlotWriter.write(r, dir));
        assertFalse(Files.exists(dir.resolve(PlotWriter.LOSS_FILE)), "a stale plot would contradict the table");
    }

    /** The fitting lesson's comparison: three variants with long labels, six legend entries. */
    private static ComparisonResult threeLongVariants() {
        RunConfig base = RunConfig.of("base", "epochs", 2, "hidden_units", 3);
        List<Variant> variants = List.of(Variant.of("3 neurons", "hidden_units", 3), Variant.of("6 neurons", "hidden_units", 6),
                Variant.of("12 neurons", "hidden_units", 12));
        List<RunResult> runs = new java.util.ArrayList<>();
        for (Variant v : variants) {
            runs.add(new RunResult(v.applyTo(base), 1, List.of(new EpochResult(1, 0.5, Double.NaN, 0.6, Double.NaN, 1),
                    new EpochResult(2, 0.25, Double.NaN, 0.3, Double.NaN, 1)), 10, RunStatus.ok(), ""));
        }
        return new ComparisonResult(new Comparison("Fitting sin(2 pi x)", base, variants), List.of(1L), runs);
    }

    @Test
    void theLegendFitsInsideTheImage(@TempDir Path dir) throws Exception {
        PlotWriter.write(threeLongVariants(), dir);
        BufferedImage image = ImageIO.read(dir.resolve(PlotWriter.LOSS_FILE).toFile());
        int background = image.getRGB(image.getWidth() - 1, 0);
        for (int x = image.getWidth() - 4; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                assertEquals(background, image.getRGB(x, y), "something is drawn at the right edge (x " + x + ", y " + y
                        + "): the legend runs off the image");
            }
        }
        XYChart chart = PlotWriter.chart(threeLongVariants(), "t", "loss", EpochResult::loss, EpochResult::valLoss);
        assertEquals(6, chart.getSeriesMap().size(), "every entry is drawn, none left out to make room");
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
