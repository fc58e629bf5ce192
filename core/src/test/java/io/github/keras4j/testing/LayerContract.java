package io.github.keras4j.testing;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.layers.Layer;
import io.github.keras4j.layers.Parameter;
import io.github.keras4j.layers.Shape;
import io.github.keras4j.layers.WeightSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The contract every layer keeps, checked in one call per layer configuration (as Keras 3 tests each layer with
 * {@code run_layer_test}):
 * <ul>
 *   <li>{@code computeOutputShape} gives the expected shape, and forwards in training and in inference, in float32
 *   and float64, return arrays of exactly that shape (with the batch axis);</li>
 *   <li>the weights are those {@code weightSpecs} announced (names, shapes, trainable or not, Keras' order), in the
 *   expected numbers, holding the expected count of parameters;</li>
 *   <li>inference changes no state: two inference forwards give the same bits and leave every weight as it was;</li>
 *   <li>a float64 central-difference gradient check of the input and every trainable weight (unless the layer is
 *   random while training, like Dropout, which its own test covers).</li>
 * </ul>
 * The config round trip through saving lives in the {@code api} module's codec contract test, which runs over
 * every registered layer codec.
 */
public final class LayerContract {
    private static final int BATCH = 3;

    private final Supplier<? extends Layer> factory;
    private Shape input;
    private Shape output;
    private int trainable = -1;
    private int nonTrainable;
    private long params = -1;
    private boolean random;
    private long seed = 17;

    private LayerContract(Supplier<? extends Layer> factory) {
        this.factory = factory;
    }

    /** The contract of the layers {@code factory} makes (a new, unbuilt layer per call). */
    public static LayerContract of(Supplier<? extends Layer> factory) {
        return new LayerContract(factory);
    }

    public LayerContract input(int... sampleShape) {
        this.input = Shape.of(sampleShape);
        return this;
    }

    public LayerContract output(int... sampleShape) {
        this.output = Shape.of(sampleShape);
        return this;
    }

    /** Expected numbers of trainable and non-trainable weights. */
    public LayerContract weights(int trainable, int nonTrainable) {
        this.trainable = trainable;
        this.nonTrainable = nonTrainable;
        return this;
    }

    public LayerContract params(long params) {
        this.params = params;
        return this;
    }

    /** The layer draws random numbers while training (Dropout), so the gradient check is left to its own test. */
    public LayerContract randomWhileTraining() {
        this.random = true;
        return this;
    }

    public LayerContract seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Runs every check; fails naming the first that does not hold. */
    public void check() {
        if (input == null || output == null || trainable < 0 || params < 0) {
            throw new IllegalStateException("a layer contract needs input, output, weights and params");
        }
        Layer shapes = factory.get();
        assertEquals(output, shapes.computeOutputShape(input), shapes.describe() + " computeOutputShape");
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            Layer layer = factory.get();
            List<WeightSpec> specs = layer.weightSpecs(input);
            layer.build(input, type);
            checkWeights(layer, specs);
            INDArray x = randomInput(type, seed);
            String what = layer.describe() + " in " + type;
            assertArrayEquals(output.withBatch(BATCH), layer.forward(x, true).shape(), what + ": training output shape");
            List<float[]> before = snapshot(layer);
            float[] first = floats(layer.forward(x, false));
            float[] second = floats(layer.forward(x, false));
            assertArrayEquals(output.withBatch(BATCH), layer.forward(x, false).shape(), what + ": inference output shape");
            assertArrayEquals(first, second, what + ": two inference forwards differ");
            List<float[]> after = snapshot(layer);
            for (int k = 0; k < before.size(); k++) {
                assertArrayEquals(before.get(k), after.get(k), what + ": inference changed weight " + layer.weights().get(k).name());
            }
        }
        if (!random) {
            Layer layer = factory.get();
            layer.build(input, DataType.DOUBLE);
            GradientCheck.checkLayer(layer, randomInput(DataType.DOUBLE, seed + 1), seed + 2);
        }
    }

    private void checkWeights(Layer layer, List<WeightSpec> specs) {
        List<String> announced = new ArrayList<>();
        specs.stream().filter(WeightSpec::trainable).forEach(s -> announced.add(describe(s.name(), s.shape(), true)));
        specs.stream().filter(s -> !s.trainable()).forEach(s -> announced.add(describe(s.name(), s.shape(), false)));
        List<String> built = new ArrayList<>();
        for (Parameter w : layer.weights()) {
            built.add(describe(w.localName(), w.value().shape(), w.hasGradient()));
        }
        assertEquals(announced, built, layer.describe() + ": the built weights are not those weightSpecs announced");
        assertEquals(trainable, layer.trainableWeights().size(), layer.describe() + ": trainable weights " + built);
        assertEquals(nonTrainable, layer.nonTrainableWeights().size(), layer.describe() + ": non-trainable weights " + built);
        assertEquals(params, layer.countParams(), layer.describe() + ": parameters");
    }

    private static String describe(String name, long[] shape, boolean trainable) {
        return name + Arrays.toString(shape) + (trainable ? "" : " (non-trainable)");
    }

    private INDArray randomInput(DataType type, long seed) {
        long[] shape = input.withBatch(BATCH);
        INDArray x = NativeMemory.create(type, shape);
        NativeMemory.write(GradientCheck.randomVector((int) x.length(), seed), x);
        return x;
    }

    private static List<float[]> snapshot(Layer layer) {
        List<float[]> values = new ArrayList<>();
        for (Parameter w : layer.weights()) {
            values.add(floats(w.value()));
        }
        return values;
    }

    private static float[] floats(INDArray a) {
        float[] v = new float[(int) a.length()];
        NativeMemory.readFloats(NativeMemory.contiguous(a), v);
        return v;
    }
}
