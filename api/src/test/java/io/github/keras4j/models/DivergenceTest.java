package io.github.keras4j.models;

import io.github.keras4j.callbacks.History;
import io.github.keras4j.callbacks.LambdaCallback;
import io.github.keras4j.callbacks.TerminateOnNaN;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.optimizers.SGD;
import io.github.keras4j.utils.Utils;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.github.keras4j.SyntheticData.floats;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A learning rate far too large makes the loss overflow within a few epochs. */
class DivergenceTest {
    private static final INDArray X, Y;

    static {
        Random r = new Random(5);
        float[][] x = new float[64][4];
        float[][] y = new float[64][1];
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j] = (float) r.nextGaussian();
                y[i][0] += x[i][j] * (j + 1);
            }
        }
        X = Nd4j.createFromArray(x);
        Y = Nd4j.createFromArray(y);
    }

    private static Sequential diverging(double learningRate) {
        Sequential model = new Sequential(new Dense(1).inputShape(4));
        model.setWeights(List.of(Nd4j.createFromArray(new float[][] {{0.1f}, {-0.2f}, {0.3f}, {0.05f}}), Nd4j.zeros(DataType.FLOAT, 1)));
        model.compile(new SGD(learningRate), "mse");
        return model;
    }

    /** (epoch, batch, loss) of every batch. */
    private static LambdaCallback recorder(List<double[]> seen) {
        int[] epoch = {0};
        return new LambdaCallback().onEpochBegin((e, logs) -> epoch[0] = e)
                .onBatchEnd((b, logs) -> seen.add(new double[] {epoch[0], b, logs.get("loss")}));
    }

    private static void assertFinite(Sequential model) {
        for (INDArray w : model.getWeights()) {
            for (float v : floats(w)) {
                assertTrue(Float.isFinite(v), "weights stay finite");
            }
        }
    }

    @Test
    void terminateOnNaNStopsAtTheBatchWhereTheLossBecameInvalid() {
        Sequential model = diverging(10);
        List<double[]> seen = new ArrayList<>();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        History h = model.fit(X, Y, FitOptions.defaults().withVerbose(0).withBatchSize(8).withEpochs(20).withShuffle(false)
                .withCallbacks(recorder(seen), new TerminateOnNaN(new PrintStream(printed, true, StandardCharsets.UTF_8))));
        double[] last = seen.get(seen.size() - 1);
        assertFalse(Double.isFinite(last[2]), "training stopped at the first invalid loss");
        for (int i = 0; i < seen.size() - 1; i++) {
            assertTrue(Double.isFinite(seen.get(i)[2]), "every earlier batch had a finite loss");
        }
        assertTrue(seen.size() < 20 * 8, "stopped early: " + seen.size() + " batches");
        assertEquals("Batch " + (int) last[1] + ": Invalid loss, terminating training", printed.toString(StandardCharsets.UTF_8).strip());
        assertEquals((int) last[0] + 1, h.epoch().size(), "the stopped epoch is recorded");
        assertFalse(Double.isFinite(h.history().get("loss").get(h.epoch().size() - 1)), "History records the invalid loss");
        assertFinite(model);
    }

    @Test
    void withoutTerminateOnNaNFitThrowsNamingEpochAndBatchAndKeepsFiniteWeights() {
        Sequential model = diverging(10);
        List<double[]> seen = new ArrayList<>();
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> model.fit(X, Y, FitOptions.defaults().withVerbose(0)
                .withBatchSize(8).withEpochs(20).withShuffle(false).withCallbacks(recorder(seen))));
        double[] last = seen.get(seen.size() - 1);
        assertTrue(e.getMessage().startsWith("Training diverged: the loss became " + (Double.isNaN(last[2]) ? "NaN" : "infinite")
                + " at epoch " + ((int) last[0] + 1) + "/20, batch " + ((int) last[1] + 1) + "/8. "), e.getMessage());
        assertTrue(e.getMessage().contains("Lower the learning rate (e.g. new Adam(1e-4) or new SGD(0.001))"), e.getMessage());
        assertTrue(e.getMessage().contains("add new TerminateOnNaN() to the callbacks"), e.getMessage());
        assertFinite(model);
    }

    @Test
    void anUpdateThatOverflowsTheWeightsIsUndoneToTheEpochStart() {
        // One step with this rate sends the weights past float32's range; the next loss is then invalid.
        Sequential model = diverging(3e38);
        List<INDArray> start = model.getWeights();
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> model.fit(X, Y, FitOptions.defaults().withVerbose(0).withBatchSize(8).withShuffle(false)));
        assertTrue(e.getMessage().contains("at epoch 1/1, batch 2/8. An earlier update had already overflowed some weights, so the"
                + " weights were restored to their values at the start of epoch 1."), e.getMessage());
        assertArrayEquals(floats(start.get(0)), floats(model.getWeights().get(0)));
        assertFinite(model);
    }

    @Test
    void weightsThatOverflowInTheLastBatchOfAnEpochAreRestoredFromTheEpochBefore() {
        // One batch per epoch: epoch 1's update overflows, epoch 2 starts with infinite weights and its loss is invalid.
        Sequential model = diverging(3e38);
        List<INDArray> start = model.getWeights();
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> model.fit(X, Y, FitOptions.defaults().withVerbose(0).withBatchSize(64).withEpochs(3)));
        assertTrue(e.getMessage().contains("at epoch 2/3, batch 1/1. An earlier update had already overflowed some weights, so the"
                + " weights were restored to their values at the start of epoch 1."), e.getMessage());
        assertArrayEquals(floats(start.get(0)), floats(model.getWeights().get(0)));
    }

    /** Output units whose logits are +-1000: the probabilities saturate to exactly 0 and 1. */
    private static Sequential saturated(String activation, int units, String loss) {
        Sequential model = new Sequential(new Dense(units, activation).inputShape(2));
        float[][] kernel = new float[2][units];
        for (int j = 0; j < units; j++) {
            kernel[0][j] = kernel[1][j] = j % 2 == 0 ? 500 : -500; // x = (1, 1): logits 1000, -1000, 1000, ...
        }
        model.setWeights(List.of(Nd4j.createFromArray(kernel), Nd4j.zeros(DataType.FLOAT, units)));
        model.compile(new SGD(0.01), loss);
        return model;
    }

    @Test
    void saturatedSoftmaxAndSigmoidOutputsGiveFiniteLossesAndUpdates() {
        INDArray x = Nd4j.ones(DataType.FLOAT, 4, 2);
        // The wrong class gets probability exp(-2000): the loss is large but finite, and so is the step.
        Object[][] cases = {
                {"softmax", 3, "categorical_crossentropy", Utils.toCategorical(Nd4j.createFromArray(1f, 1f, 1f, 1f), 3)},
                {"softmax", 3, "sparse_categorical_crossentropy", Nd4j.createFromArray(1f, 1f, 1f, 1f)},
                {"sigmoid", 1, "binary_crossentropy", Nd4j.zeros(DataType.FLOAT, 4, 1)},
        };
        for (Object[] c : cases) {
            Sequential model = saturated((String) c[0], (Integer) c[1], (String) c[2]);
            History h = model.fit(x, (INDArray) c[3], FitOptions.defaults().withVerbose(0).withEpochs(2));
            for (double loss : h.history().get("loss")) {
                assertTrue(Double.isFinite(loss) && loss > 1, c[2] + ": loss " + loss);
            }
            assertTrue(Double.isFinite(model.evaluate(x, (INDArray) c[3])[0]), c[2] + ": evaluate");
            assertFinite(model);
        }
    }
}
