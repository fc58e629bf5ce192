package io.github.keras4j.examples.lessons;

import io.github.keras4j.losses.CategoricalCrossentropy;
import io.github.keras4j.losses.CategoricalHinge;
import io.github.keras4j.models.Sequential;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinearClassifierTest {
    @Test
    void theScoresAreWxPlusBWithTheDemosStartingWeights() {
        Sequential m = LinearClassifier.linear(2, 3, 0);
        m.setWeights(List.of(LinearClassifier.array(LinearClassifier.transpose(LinearClassifier.START_W)),
                Nd4j.createFromArray(LinearClassifier.START_B).castTo(DataType.FLOAT)));
        INDArray s = m.predict(LinearClassifier.array(new double[][] {{0.5, 0.4}}));
        // W = [[1, 2], [2, -4], [3, -1]], b = [0, 0.5, -0.5]: s = [0.5 + 0.8, 1 - 1.6 + 0.5, 1.5 - 0.4 - 0.5]
        assertArrayEquals(new double[] {1.3, -0.1, 0.6}, s.toDoubleVector(), 1e-6);
        assertEquals(9, m.countParams());
    }

    @Test
    void lossesByName() {
        assertTrue(assertInstanceOf(CategoricalCrossentropy.class, LinearClassifier.loss("softmax")).fromLogits(),
                "softmax on raw scores");
        assertInstanceOf(CategoricalHinge.class, LinearClassifier.loss("svm"));
        assertEquals("loss 'hinge' is not one of this lesson's: softmax, svm",
                assertThrows(IllegalArgumentException.class, () -> LinearClassifier.loss("hinge")).getMessage());
    }

    @Test
    void decisionRegionsColourEveryGridPointByItsTopScore() {
        Sequential m = LinearClassifier.linear(2, 3, 0);
        // class 0 where x > 0 and x > y, class 1 where y is largest, class 2 nowhere
        m.setWeights(List.of(LinearClassifier.array(new double[][] {{1, 0, 0}, {0, 1, 0}}),
                Nd4j.createFromArray(0f, 0f, -10f)));
        int[] classes = DecisionRegions.classes(m, new double[][] {{0.9, 0.1}, {0.1, 0.9}, {-0.5, -0.9}});
        assertArrayEquals(new int[] {0, 1, 0}, classes);
        assertEquals(DecisionRegions.GRID * DecisionRegions.GRID, DecisionRegions.grid().length);
        assertArrayEquals(new double[] {DecisionRegions.MIN, DecisionRegions.MIN}, DecisionRegions.grid()[0]);
        assertArrayEquals(new double[] {DecisionRegions.MAX, DecisionRegions.MAX}, DecisionRegions.grid()[DecisionRegions.GRID * DecisionRegions.GRID - 1], 1e-12);
    }

    @Test
    void decisionRegionPanelsNameTheirAxesAndLegendTheClasses() {
        Sequential m = LinearClassifier.linear(2, 3, 0);
        org.knowm.xchart.XYChart panel = DecisionRegions.panel("softmax", m, LinearClassifier.POINTS, LinearClassifier.LABELS);
        assertEquals("x1", panel.getXAxisTitle());
        assertEquals("x2", panel.getYAxisTitle());
        assertTrue(panel.getStyler().isLegendVisible());
        List<String> inLegend = panel.getSeriesMap().values().stream().filter(s -> s.isShowInLegend()).map(s -> s.getName()).toList();
        assertEquals(List.of("class 0", "class 1", "class 2"), inLegend, "the classes, not the pale region series");
    }
}
