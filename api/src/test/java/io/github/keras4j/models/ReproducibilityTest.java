package io.github.keras4j.models;

import io.github.keras4j.SyntheticData;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Dropout;
import io.github.keras4j.utils.Utils;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

import static io.github.keras4j.SyntheticData.floats;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ReproducibilityTest {
    private static List<INDArray> train(long seed, SyntheticData.Labeled data) {
        Utils.setRandomSeed(seed);
        Sequential model = new Sequential(new Dense(32, "relu").inputShape(6), new Dropout(0.4), new Dense(3, "softmax"));
        model.compile("adam", "sparse_categorical_crossentropy", "acc");
        model.fit(data.x(), data.labels(), FitOptions.defaults().withVerbose(0).withEpochs(3).withBatchSize(8).withShuffle(true));
        return model.getWeights();
    }

    @Test
    void theSameSeedGivesBitIdenticalWeightsWithShuffleAndDropout() {
        var data = SyntheticData.blobs(90, 6, 3, 1.0, 11);
        List<INDArray> a = train(42, data);
        List<INDArray> b = train(42, data);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(floats(a.get(i)), floats(b.get(i)), "weight " + i);
        }
        List<INDArray> c = train(43, data);
        assertFalse(java.util.Arrays.equals(floats(a.get(0)), floats(c.get(0))), "another seed gives other weights");
    }
}
