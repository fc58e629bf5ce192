package io.github.keras4j.utils;

import io.github.keras4j.random.SeedGenerator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.HashSet;
import java.util.Set;

import static io.github.keras4j.SyntheticData.floats;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UtilsTest {
    @Test
    void toCategoricalOneHotEncodesIntegerLabels() {
        INDArray oneHot = Utils.toCategorical(Nd4j.createFromArray(2, 0, 1, 2), 3);
        assertEquals(DataType.FLOAT, oneHot.dataType());
        assertArrayEquals(new long[] {4, 3}, oneHot.shape());
        assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1}, floats(oneHot));
        assertArrayEquals(new float[] {0, 1}, floats(Utils.toCategorical(Nd4j.createFromArray(new float[][] {{1}}), 2)));
        assertArrayEquals(new long[] {2, 10}, Utils.toCategorical(Nd4j.createFromArray(new byte[] {9, 3}), 10).shape());
    }

    @Test
    void toCategoricalNamesTheOffendingLabel() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Utils.toCategorical(Nd4j.createFromArray(1f, 4f, 10f), 10));
        assertEquals("toCategorical: label 2 is 10.0, but labels must be whole numbers in [0, 9] for numClasses=10. "
                + "Pass the number of classes (largest label + 1).", e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Utils.toCategorical(Nd4j.createFromArray(0.5f), 2))
                .getMessage().startsWith("toCategorical: label 0 is 0.5, but labels must be whole numbers"));
        assertEquals("toCategorical needs integer labels of shape (N,) or (N, 1), got (2, 3): these look one-hot encoded already.",
                assertThrows(IllegalArgumentException.class, () -> Utils.toCategorical(Nd4j.zeros(DataType.FLOAT, 2, 3), 3)).getMessage());
        assertEquals("toCategorical: numClasses must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> Utils.toCategorical(Nd4j.zeros(DataType.FLOAT, 2), 0)).getMessage());
    }

    @Test
    void setRandomSeedRestartsKeras4jsAndNd4jsSequences() {
        Utils.setRandomSeed(99);
        long a = SeedGenerator.nextSeed();
        double nd4jA = Nd4j.getRandom().nextDouble();
        Utils.setRandomSeed(99);
        assertEquals(a, SeedGenerator.nextSeed());
        assertEquals(nd4jA, Nd4j.getRandom().nextDouble());
    }

    @Test
    void takeIsAViewOfTheFirstSamples() {
        INDArray x = Nd4j.arange(0, 20).castTo(DataType.FLOAT).reshape('c', 5, 2, 2);
        INDArray first = Utils.take(x, 2);
        assertArrayEquals(new long[] {2, 2, 2}, first.shape());
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 6, 7}, floats(first));
        x.putScalar(new long[] {0, 0, 0}, 42);
        assertEquals(42, first.getFloat(0, 0, 0), "a view, not a copy");
        assertEquals("take(6): the array has 5 samples (shape (5, 2, 2)); n must be in [0, 5]",
                assertThrows(IllegalArgumentException.class, () -> Utils.take(x, 6)).getMessage());
    }

    @Test
    void trainTestSplitIsASeededPartitionOfTheSamples() {
        INDArray x = Nd4j.arange(0, 40).castTo(DataType.FLOAT).reshape('c', 20, 2);
        INDArray y = Nd4j.arange(0, 20).castTo(DataType.FLOAT);
        TrainTestSplit s = Utils.trainTestSplit(x, y, 0.25, 5);
        assertEquals(15, s.xTrain().size(0));
        assertEquals(5, s.xTest().size(0));
        Set<Float> seen = new HashSet<>();
        for (INDArray[] pair : new INDArray[][] {{s.xTrain(), s.yTrain()}, {s.xTest(), s.yTest()}}) {
            for (int i = 0; i < pair[0].size(0); i++) {
                float label = pair[1].getFloat(i);
                assertEquals(2 * label, pair[0].getFloat(i, 0), "rows of x and y stay together");
                seen.add(label);
            }
        }
        assertEquals(20, seen.size(), "every sample lands in exactly one part");
        TrainTestSplit again = Utils.trainTestSplit(x, y, 0.25, 5);
        assertArrayEquals(floats(s.yTest()), floats(again.yTest()));
        assertNotEquals(java.util.Arrays.toString(floats(s.yTest())), java.util.Arrays.toString(floats(Utils.trainTestSplit(x, y, 0.25, 6).yTest())));
        assertEquals("trainTestSplit: testFraction must be in (0, 1), got 1.0",
                assertThrows(IllegalArgumentException.class, () -> Utils.trainTestSplit(x, y, 1.0, 1)).getMessage());
    }

    @Test
    void fingerprintIsTheStartOfTheSha256OfTheFloat32WeightsInKerasOrder() {
        // Independent oracle, Python: hashlib.sha256(struct.pack('<fff', 0.5, -2.0, 0.25) + struct.pack('<f', 1.5)).hexdigest()[:16]
        io.github.keras4j.models.Sequential model = new io.github.keras4j.models.Sequential(new io.github.keras4j.layers.Dense(1).inputShape(3));
        model.setWeights(java.util.List.of(Nd4j.createFromArray(new float[][] {{0.5f}, {-2f}, {0.25f}}), Nd4j.createFromArray(1.5f)));
        assertEquals("261a7cc5b8d8f835", Utils.fingerprint(model));
        assertEquals(16, Utils.FINGERPRINT_LENGTH);

        model.setWeights(java.util.List.of(Nd4j.createFromArray(new float[][] {{0.5f}, {-2f}, {Math.nextUp(0.25f)}}), Nd4j.createFromArray(1.5f)));
        assertNotEquals("261a7cc5b8d8f835", Utils.fingerprint(model), "one ulp in one weight changes the fingerprint");

        io.github.keras4j.models.Sequential one = new io.github.keras4j.models.Sequential(new io.github.keras4j.layers.Dense(1).inputShape(1));
        one.setWeights(java.util.List.of(Nd4j.createFromArray(new float[][] {{1f}}), Nd4j.zeros(DataType.FLOAT, 1)));
        assertEquals("434b26042aff3fb8", Utils.fingerprint(one)); // sha256(struct.pack('<ff', 1.0, 0.0))
        assertThrows(IllegalArgumentException.class, () -> Utils.fingerprint(null));
    }
}
