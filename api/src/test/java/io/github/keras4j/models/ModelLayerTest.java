package io.github.keras4j.models;

import io.github.keras4j.SyntheticData;
import io.github.keras4j.engine.LayerStack;
import io.github.keras4j.layers.Activation;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Parameter;
import io.github.keras4j.layers.Shape;
import io.github.keras4j.losses.CategoricalCrossentropy;
import io.github.keras4j.losses.Loss;
import io.github.keras4j.utils.Utils;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.Random;

import static io.github.keras4j.SyntheticData.floats;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A trained model wrapped as a layer of another, as Keras' {@code Sequential([model, Softmax()])}. */
class ModelLayerTest {
    private static final SyntheticData.Labeled DATA = SyntheticData.blobs(90, 4, 3, 1.0, 31);

    private static Sequential logits() {
        Utils.setRandomSeed(8);
        Sequential m = new Sequential("logits", new Dense(8, "relu").inputShape(4), new Dense(3));
        m.compile("adam", new CategoricalCrossentropy(true), "acc");
        m.fit(DATA.x(), Utils.toCategorical(DATA.labels(), 3), FitOptions.defaults().withVerbose(0).withEpochs(3));
        return m;
    }

    @Test
    void aTrainedModelWrappedWithSoftmaxPredictsItsProbabilities() {
        Sequential trained = logits();
        Sequential probabilities = new Sequential();
        probabilities.add(trained);
        probabilities.add(new Activation("softmax"));
        INDArray expected = org.nd4j.linalg.ops.transforms.Transforms.softmax(trained.predict(DATA.x()), true);
        float[] got = floats(probabilities.predict(DATA.x()));
        float[] want = floats(expected);
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], 1e-6);
        }
        assertEquals(trained.countParams(), probabilities.countParams());
        assertEquals("logits", probabilities.layers().get(0).name());
        assertTrue(probabilities.summaryString().contains("logits (Sequential)"), probabilities.summaryString());
        assertEquals(trained.getWeights().size(), probabilities.getWeights().size());
    }

    @Test
    void trainingTheOuterModelTrainsTheSharedWeightsUnlessFrozen() {
        Sequential trained = logits();
        Sequential outer = new Sequential(trained.asLayer(), new Activation("softmax"));
        outer.compile("sgd", "sparse_categorical_crossentropy");
        float[] before = trained.getFlatWeights();
        outer.fit(DATA.x(), DATA.labels(), FitOptions.defaults().withVerbose(0));
        float[] after = trained.getFlatWeights();
        assertTrue(!java.util.Arrays.equals(before, after), "the inner model's weights are the outer's");
        assertArrayEquals(after, outer.getFlatWeights());

        Sequential frozen = new Sequential();
        frozen.add(trained.asLayer().trainable(false));
        frozen.add(new Dense(3, "softmax"));
        frozen.compile("sgd", "sparse_categorical_crossentropy");
        frozen.fit(DATA.x(), DATA.labels(), FitOptions.defaults().withVerbose(0));
        assertArrayEquals(after, trained.getFlatWeights(), "frozen: Keras' model.trainable = False");
    }

    @Test
    void aModelCannotHoldItselfAndANestedModelIsNotSavedSilentlyWrong(@org.junit.jupiter.api.io.TempDir Path tmp) {
        Sequential a = new Sequential("a", new Dense(2).inputShape(3));
        assertThrows(IllegalArgumentException.class, () -> a.add(a));
        Sequential b = new Sequential("b");
        b.add(a);
        assertThrows(IllegalArgumentException.class, () -> a.add(b));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.save(tmp.resolve("b.keras")));
        assertTrue(e.getMessage().contains("holds model 'a' as a layer"), e.getMessage());
    }

    /** Central differences in float64 for every weight of the wrapped model, through the outer loss. */
    @Test
    void gradientsThroughAWrappedModelMatchCentralDifferences() {
        Utils.setRandomSeed(9);
        Sequential inner = new Sequential(new Dense(4, "tanh"), new Dense(3));
        LayerStack outer = new LayerStack();
        outer.add(new ModelLayer(inner));
        outer.add(new Activation("softmax"));
        outer.build(Shape.of(5), DataType.DOUBLE);
        Random r = new Random(3);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 6, 5).subi(0.5);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 6, 3);
        for (int i = 0; i < 6; i++) {
            y.putScalar(i, r.nextInt(3), 1);
        }
        Loss loss = new CategoricalCrossentropy();
        outer.computeGradients(x, y, loss);
        assertEquals(4, outer.trainableWeights().size());
        for (Parameter p : outer.trainableWeights()) {
            assertSame(DataType.DOUBLE, p.value().dataType());
            double[] analytic = p.gradient().dup().data().asDouble();
            for (int i = 0; i < p.size(); i++) {
                double w = p.value().getDouble(i);
                p.value().putScalar(i, w + 1e-6);
                double plus = value(outer, loss, x, y);
                p.value().putScalar(i, w - 1e-6);
                double minus = value(outer, loss, x, y);
                p.value().putScalar(i, w);
                double numeric = (plus - minus) / 2e-6;
                double diff = Math.abs(numeric - analytic[i]);
                assertTrue(diff < 1e-8 || diff / Math.max(Math.abs(numeric), Math.abs(analytic[i])) < 1e-3,
                        p.name() + "[" + i + "]: numeric " + numeric + " analytic " + analytic[i]);
            }
        }
    }

    private static double value(LayerStack stack, Loss loss, INDArray x, INDArray y) {
        INDArray out = stack.forward(x, false);
        double[] pred = out.dup().data().asDouble();
        double[] labels = y.dup().data().asDouble();
        return loss.compute(labels, pred, new double[pred.length], (int) out.size(0), (int) out.size(1), (int) y.size(1));
    }
}
