package io.github.keras4j.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsTest {
    @Test
    void accuracyResolvesFromTheShapesAsKerasDoesAndKeepsTheGivenName() {
        Metric oneHot = Metrics.get("acc", new long[] {8, 10}, new long[] {8, 10});
        assertInstanceOf(CategoricalAccuracy.class, oneHot);
        assertEquals("acc", oneHot.name());
        assertInstanceOf(SparseCategoricalAccuracy.class, Metrics.get("accuracy", new long[] {8}, new long[] {8, 10}));
        assertInstanceOf(SparseCategoricalAccuracy.class, Metrics.get("accuracy", new long[] {8, 1}, new long[] {8, 10}));
        Metric binary = Metrics.get("accuracy", new long[] {8, 1}, new long[] {8, 1});
        assertInstanceOf(BinaryAccuracy.class, binary);
        assertEquals("accuracy", binary.name());
        assertEquals("mse", Metrics.get("mse", new long[] {8, 1}, new long[] {8, 1}).name());
        assertInstanceOf(MeanAbsoluteError.class, Metrics.get("mean_absolute_error", new long[] {8, 1}, new long[] {8, 1}));
    }

    @Test
    void unknownIdsListTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Metrics.check("precision"));
        assertEquals("Unknown metric 'precision'. Known metrics: acc, accuracy, binary_accuracy, categorical_accuracy, mae,"
                + " mean_absolute_error, mean_squared_error, mse, sparse_categorical_accuracy.", e.getMessage());
    }

    @Test
    void accuraciesCountHitsOverAllSamplesOfAllBatches() {
        Metric cat = new CategoricalAccuracy();
        cat.update(new double[] {0, 1, 1, 0}, new double[] {0.2, 0.8, 0.3, 0.7}, 2, 2, 2); // hit, miss
        cat.update(new double[] {1, 0}, new double[] {0.9, 0.1}, 1, 2, 2);                 // hit
        assertEquals(2.0 / 3, cat.result(), 1e-15);
        cat.reset();
        assertEquals(0, cat.result());

        Metric sparse = new SparseCategoricalAccuracy();
        sparse.update(new double[] {2, 0}, new double[] {0.1, 0.2, 0.7, 0.5, 0.4, 0.1}, 2, 3, 1);
        assertEquals(1.0, sparse.result());

        BinaryAccuracy binary = new BinaryAccuracy();
        assertEquals(0.5, BinaryAccuracy.DEFAULT_THRESHOLD);
        binary.update(new double[] {1, 0, 1, 1}, new double[] {0.9, 0.6, 0.5, 0.51}, 4, 1, 1); // 0.5 is not above the threshold
        assertEquals(0.5, binary.result());
    }

    @Test
    void errorsAreMeansOverTheLastAxisThenOverSamples() {
        Metric mse = new MeanSquaredError();
        mse.update(new double[] {0, 0, 1, 1}, new double[] {1, 1, 1, 3}, 2, 2, 2); // sample means 1 and 2
        assertEquals(1.5, mse.result(), 1e-15);
        Metric mae = new MeanAbsoluteError();
        mae.update(new double[] {0, 0, 1, 1}, new double[] {1, -1, 1, 3}, 2, 2, 2); // 1 and 1
        mae.update(new double[] {0, 0}, new double[] {4, 0}, 1, 2, 2);              // 2
        assertEquals(4.0 / 3, mae.result(), 1e-15);
        assertTrue(mae.toString().contains("mean_absolute_error"));
    }
}
