package io.github.keras4j.models;

import io.github.keras4j.SyntheticData;
import io.github.keras4j.data.Batch;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Dropout;
import io.github.keras4j.utils.Utils;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import static io.github.keras4j.SyntheticData.floats;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The training step split in two ({@link Model#computeGradients}, {@link Model#applyGradients}), and {@link Gradients}. */
class ModelInterfaceTest {
    private static final SyntheticData.Labeled DATA = SyntheticData.blobs(64, 5, 3, 1.0, 21);

    private static Model model(long seed, boolean dropout) {
        Utils.setRandomSeed(seed);
        Sequential m = dropout
                ? new Sequential(new Dense(12, "relu").inputShape(5), new Dropout(0.3), new Dense(3, "softmax"))
                : new Sequential(new Dense(12, "tanh").inputShape(5), new Dense(3, "softmax"));
        m.compile("adam", "sparse_categorical_crossentropy", "acc");
        return m;
    }

    @Test
    void computeThenApplyIsTrainOnBatchIsFitsStepBitForBit() {
        Model split = model(1, true);
        Model onBatch = model(1, true);
        Sequential fitted = (Sequential) model(1, true);
        for (int step = 0; step < 3; step++) {
            GradientStep g = split.computeGradients(new Batch(DATA.x(), DATA.labels()));
            assertTrue(g.finite());
            split.applyGradients(g.gradients());
            double[] logs = onBatch.trainOnBatch(DATA.x(), DATA.labels());
            assertEquals(logs[0], g.loss(), "the same loss, before the update");
        }
        fitted.fit(DATA.x(), DATA.labels(), FitOptions.defaults().withVerbose(0).withEpochs(3).withBatchSize(64));
        assertArrayEquals(split.getFlatWeights(), onBatch.getFlatWeights());
        assertEquals(Utils.fingerprint(fitted), Utils.fingerprint((Sequential) split));
    }

    @Test
    void theMeanOfTwoHalvesGradientsIsTheWholeBatchsGradient() {
        INDArray x1 = DATA.x().get(NDArrayIndex.interval(0, 32)).dup(), x2 = DATA.x().get(NDArrayIndex.interval(32, 64)).dup();
        INDArray y1 = DATA.labels().get(NDArrayIndex.interval(0, 32)).dup(), y2 = DATA.labels().get(NDArrayIndex.interval(32, 64)).dup();
        Model m = model(2, false);
        float[] whole = m.computeGradients(new Batch(DATA.x(), DATA.labels())).gradients().toFloatArray();
        Gradients mean = m.computeGradients(new Batch(x1, y1)).gradients().copy()
                .add(m.computeGradients(new Batch(x2, y2)).gradients()).scale(0.5);
        float[] averaged = mean.toFloatArray();
        assertEquals(whole.length, averaged.length);
        assertEquals(m.countParams(), whole.length, "every weight is trainable here");
        for (int i = 0; i < whole.length; i++) {
            assertEquals(whole[i], averaged[i], 1e-5 + 1e-4 * Math.abs(whole[i]), "value " + i);
        }
        float[] before = m.getFlatWeights();
        m.applyGradients(mean);
        assertTrue(!java.util.Arrays.equals(before, m.getFlatWeights()), "the update changed the weights");
    }

    @Test
    void gradientsAddScaleCopyAndCrossAnArrayUnchanged() {
        Gradients a = Gradients.of(new float[] {1, 2, 3});
        Gradients b = a.copy().add(Gradients.of(new float[] {1, 1, 1})).scale(0.5);
        assertArrayEquals(new float[] {1, 2, 3}, a.toFloatArray(), "copy is independent");
        assertArrayEquals(new float[] {1, 1.5f, 2}, b.toFloatArray());
        assertEquals(3, b.size());
        float[] raw = b.toFloatArray();
        raw[0] = 99;
        assertArrayEquals(new float[] {1, 1.5f, 2}, b.toFloatArray(), "toFloatArray is a copy");
        assertEquals(b, Gradients.of(new float[] {1, 1.5f, 2}));
        assertThrows(IllegalArgumentException.class, () -> a.add(Gradients.of(new float[2])));
        Model m = model(3, false);
        m.computeGradients(new Batch(DATA.x(), DATA.labels()));
        assertThrows(IllegalArgumentException.class, () -> m.applyGradients(Gradients.of(new float[5])));
    }

    @Test
    void flatWeightsAreGetWeightsInOrderAndSetThemBack() {
        Model m = model(4, false);
        float[] flat = m.getFlatWeights();
        int offset = 0;
        for (INDArray w : m.getWeights()) {
            float[] one = floats(w);
            for (float v : one) {
                assertEquals(v, flat[offset++]);
            }
        }
        assertEquals(flat.length, offset);
        Model other = model(5, false);
        assertTrue(!java.util.Arrays.equals(flat, other.getFlatWeights()), "another seed, other weights");
        other.setFlatWeights(flat);
        assertArrayEquals(flat, other.getFlatWeights());
        assertArrayEquals(floats(m.predict(DATA.x())), floats(other.predict(DATA.x())));
        assertThrows(IllegalArgumentException.class, () -> other.setFlatWeights(new float[3]));
    }
}
