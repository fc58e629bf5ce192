package io.github.keras4j.saving;

import io.github.keras4j.datasets.Mnist;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Flatten;
import io.github.keras4j.layers.Layer;
import io.github.keras4j.layers.Shape;
import io.github.keras4j.losses.CategoricalCrossentropy;
import io.github.keras4j.losses.SparseCategoricalCrossentropy;
import io.github.keras4j.optimizers.Adam;
import io.github.keras4j.optimizers.SGD;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real Keras files of the fixtures folder load, and their weights give the MNIST test accuracy of the
 * fixtures README, with predictions equal on every image to an independent double-precision forward pass
 * computed from the raw HDF5 datasets.
 */
class KerasFixturesTest {
    @Test
    void keras3DenseModelLoadsWithItsSgdStateAndScoresTheReadmeAccuracy() throws IOException {
        Path file = Fixtures.file("dense-784-300-100-10.keras");
        ModelDescription model = Saving.loadModel(file);

        assertEquals("sequential", model.name());
        assertEquals(Shape.of(784), model.inputShape());
        assertLayers(model.layers(), "dense:Dense:300:relu", "dense_1:Dense:100:relu", "dense_2:Dense:10:softmax");
        SGD sgd = assertInstanceOf(SGD.class, model.compile().optimizer());
        assertEquals(0.009999999776482582, sgd.learningRate());
        assertEquals(0.0, sgd.momentum());
        assertEquals(65625, sgd.iterations());
        assertInstanceOf(CategoricalCrossentropy.class, model.compile().loss());
        assertEquals(List.of("accuracy", "precision"), model.compile().metrics());

        INDArray x = images().reshape(10000, 784).div(255);
        assertAccuracyAndOracle(model, file, x, 9773, new String[] {"layers/dense", "layers/dense_1", "layers/dense_2"});
    }

    @Test
    void tfKeras215FileWithWindowsPathsLoadsWithItsAdamSlots() throws IOException {
        Path file = Fixtures.file("flatten-128-64-10-tfkeras215.keras");
        ModelDescription model = Saving.loadModel(file);

        assertEquals(Shape.of(28, 28), model.inputShape());
        assertLayers(model.layers(), "flatten:Flatten", "dense:Dense:128:relu", "dense_1:Dense:64:relu", "dense_2:Dense:10:softmax");
        Adam adam = assertInstanceOf(Adam.class, model.compile().optimizer());
        assertEquals(Adam.DEFAULT_LEARNING_RATE, adam.learningRate(), "the config says \"adam\": Keras' defaults");
        assertEquals(9375, adam.iterations());
        assertInstanceOf(SparseCategoricalCrossentropy.class, model.compile().loss());
        // tf.keras 2.15 stores iterations then m, v of each variable (no learning-rate variable).
        Dense last = (Dense) model.layers().get(3);
        try (HdfFile h5 = weightsOf(file)) {
            assertArrayEquals(floats(h5, "optimizer/vars/11"), adam.slotsOf(last.bias())[0]);
            assertArrayEquals(floats(h5, "optimizer/vars/12"), adam.slotsOf(last.bias())[1]);
            assertArrayEquals(floats(h5, "optimizer/vars/1"), adam.slotsOf(((Dense) model.layers().get(1)).kernel())[0]);
        }

        INDArray x = images().div(255);
        assertAccuracyAndOracle(model, file, x, 9772, new String[] {"layers\\dense", "layers\\dense_1", "layers\\dense_2"});
    }

    @Test
    void logitsModelOnRawPixelsLoadsWithFromLogitsLossAndScoresTheReadmeAccuracy() throws IOException {
        Path file = Fixtures.file("flatten-128-logits-rawpixels.keras");
        ModelDescription model = Saving.loadModel(file);

        assertLayers(model.layers(), "flatten:Flatten", "dense:Dense:128:relu", "dense_1:Dense:10:linear");
        Adam adam = assertInstanceOf(Adam.class, model.compile().optimizer());
        assertEquals(0.0010000000474974513, adam.learningRate());
        assertEquals(15000, adam.iterations());
        SparseCategoricalCrossentropy loss = assertInstanceOf(SparseCategoricalCrossentropy.class, model.compile().loss());
        assertTrue(loss.fromLogits());
        // Keras 3: iterations, learning_rate, then m, v of the kernel, m, v of the bias, ...
        try (HdfFile h5 = weightsOf(file)) {
            Dense out = (Dense) model.layers().get(2);
            assertArrayEquals(floats(h5, "optimizer/vars/8"), adam.slotsOf(out.bias())[0]);
            assertArrayEquals(floats(h5, "optimizer/vars/9"), adam.slotsOf(out.bias())[1]);
        }

        INDArray x = images(); // raw 0..255 pixels, as this model was trained
        assertAccuracyAndOracle(model, file, x, 9428, new String[] {"layers/dense", "layers/dense_1"});
    }

    private static void assertLayers(List<Layer> layers, String... expected) {
        assertEquals(expected.length, layers.size());
        for (int i = 0; i < expected.length; i++) {
            Layer l = layers.get(i);
            String got = l.name() + ":" + l.typeName() + (l instanceof Dense d ? ":" + d.units() + ":" + d.activation().name() : "");
            assertEquals(expected[i], got);
            assertTrue(l.isBuilt());
        }
        if (layers.get(0) instanceof Flatten f) {
            assertEquals(Shape.of(28, 28), f.declaredInputShape());
        }
    }

    /** Accuracy of the loaded model, and argmax agreement with a double-precision forward pass over the raw datasets. */
    private static void assertAccuracyAndOracle(ModelDescription model, Path file, INDArray x, int expectedCorrect, String[] denseGroups)
            throws IOException {
        int[] labels = labels();
        int[] predicted = Forward.argmax(Forward.predict(model.layers(), x));
        assertEquals(expectedCorrect, Forward.correct(predicted, labels),
                "MNIST test accuracy " + Forward.correct(predicted, labels) / 10000.0 + ", fixture README says " + expectedCorrect / 10000.0);

        INDArray a = x.reshape(10000, 784).castTo(DataType.DOUBLE);
        try (HdfFile h5 = weightsOf(file)) {
            for (int i = 0; i < denseGroups.length; i++) {
                Dataset kernel = (Dataset) h5.getByPath(denseGroups[i] + "/vars/0");
                Dataset bias = (Dataset) h5.getByPath(denseGroups[i] + "/vars/1");
                INDArray w = Nd4j.createFromArray((float[][]) kernel.getData()).castTo(DataType.DOUBLE);
                INDArray b = Nd4j.createFromArray((float[]) bias.getData()).castTo(DataType.DOUBLE);
                a = a.mmul(w).addiRowVector(b);
                if (i < denseGroups.length - 1) {
                    a = Transforms.relu(a, false);
                }
            }
        }
        // Softmax keeps the order of the logits, so the reference's argmax is that of its last pre-activation.
        assertArrayEquals(Forward.argmax(a), predicted, "predictions differ from the double-precision reference");
    }

    /** The MNIST test images as float32 pixel values 0..255, through the library's dataset API. */
    static INDArray images() {
        return Mnist.loadTestData().xTest().castTo(DataType.FLOAT);
    }

    /** The MNIST test labels. */
    static int[] labels() {
        return Mnist.loadTestData().yTest().castTo(DataType.INT).toIntVector();
    }

    static HdfFile weightsOf(Path keras) throws IOException {
        try (ZipFile zip = new ZipFile(keras.toFile())) {
            return HdfFile.fromBytes(zip.getInputStream(zip.getEntry("model.weights.h5")).readAllBytes());
        }
    }

    private static float[] floats(HdfFile h5, String path) {
        return (float[]) ((Dataset) h5.getByPath(path)).getDataFlat();
    }
}
