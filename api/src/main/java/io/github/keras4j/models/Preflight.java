package io.github.keras4j.models;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.engine.LayerStack;
import io.github.keras4j.layers.ActivatedLayer;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Layer;
import io.github.keras4j.layers.Shape;
import io.github.keras4j.losses.Loss;
import io.github.keras4j.losses.SparseCategoricalCrossentropy;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Optional;

/**
 * The checks run before the first training step (and before evaluate), each failing with a message
 * that says how to fix the data or the model: a mistake caught here costs nothing, while the same
 * mistake found in the middle of an epoch costs the time already spent, or silently trains nothing.
 */
final class Preflight {
    /** Raw 8-bit pixel values reach this; scaled inputs stay at or below 1. */
    static final double PIXEL_MAX = 255;
    /** Values read per chunk when scanning an array, so a scan never stages a whole dataset at once. */
    private static final int SCAN_CHUNK = 1 << 16;
    // Scan buffers kept per thread: fit and evaluate scan their data on every call, and fresh buffers each
    // time would be garbage that makes the heap (and resident memory) creep up over a long run.
    private static final ThreadLocal<float[]> SCAN_FLOATS = ThreadLocal.withInitial(() -> new float[SCAN_CHUNK]);
    private static final ThreadLocal<double[]> SCAN_DOUBLES = ThreadLocal.withInitial(() -> new double[SCAN_CHUNK]);

    private Preflight() {
    }

    /** Minimum, maximum and whether every value is a whole number, from {@link #scan}. */
    record Stats(double min, double max, boolean wholeNumbers) {
    }

    /** {@code a} exists, has a batch axis (and a feature axis when {@code minRank} is 2) and at least one sample. */
    static void checkArray(String name, INDArray a, int minRank) {
        if (a == null) {
            throw new IllegalArgumentException(name + " is null; pass an INDArray with one sample per row");
        }
        if (a.rank() < minRank) {
            throw new IllegalArgumentException(name + " has shape " + Shape.describe(a.shape()) + " but needs a batch axis"
                    + (minRank > 1 ? " and at least one feature axis, e.g. (N, 784). For a single sample use " + name
                    + ".reshape(1, " + a.length() + "); for one feature per sample use " + name + ".reshape(" + a.length() + ", 1)." : "."));
        }
        if (a.size(0) == 0 || a.length() == 0) {
            throw new IllegalArgumentException(name + " is empty: shape " + Shape.describe(a.shape()) + ". Pass at least one sample.");
        }
    }

    /** Both arrays exist and hold the same number of samples. */
    static void checkPair(String xName, INDArray x, String yName, INDArray y) {
        checkArray(xName, x, 2);
        checkArray(yName, y, 1);
        if (x.size(0) != y.size(0)) {
            throw new IllegalArgumentException(xName + " has " + x.size(0) + " samples but " + yName + " has " + y.size(0)
                    + ": every sample needs exactly one label, so their first dimensions must be equal. Shapes: "
                    + Shape.describe(x.shape()) + " and " + Shape.describe(y.shape()) + ".");
        }
    }

    /** {@code x} has the model's input shape (the model is built). */
    static void checkInput(Sequential model, String name, INDArray x) {
        Shape expected = model.stack().inputShape();
        if (expected.matchesSamplesOf(x.shape())) {
            return;
        }
        if (java.util.Arrays.equals(x.shape(), toLongs(expected.dims()))) {
            throw new IllegalArgumentException("Model '" + model.name() + "' expects input of shape " + expected.toBatchString() + " but "
                    + name + " has shape " + Shape.describe(x.shape()) + ": that is one sample without the batch axis, which every input"
                    + " needs, also for a single sample. Add it: " + name + ".reshape(1, " + dims(expected) + ").");
        }
        long perSample = Rows.length(x);
        Shape given = Shape.ofSamples(x.shape());
        String hint = perSample != expected.size()
                ? " Each sample has " + perSample + " values but the model takes " + expected.size()
                + ": pass data with the model's feature size, or build a new model for this data."
                : expected.rank() == 1 && given.rank() > 1
                ? " It has the right number of values per sample: reshape it to " + Shape.describe(expected.withBatch(x.size(0)))
                + ", or start the model with new Flatten().inputShape(" + dims(given) + ") to take the data as it is."
                : " It has the right number of values per sample: reshape it to " + Shape.describe(expected.withBatch(x.size(0))) + ".";
        throw new IllegalArgumentException("Model '" + model.name() + "' expects input of shape " + expected.toBatchString() + " but "
                + name + " has shape " + Shape.describe(x.shape()) + "." + hint);
    }

    /** A softmax over one unit always outputs 1, so nothing can be learned. */
    static void checkOutput(List<Layer> layers, Shape outputShape) {
        Layer last = layers.get(layers.size() - 1);
        if (last instanceof ActivatedLayer a && "softmax".equals(a.activation().name()) && outputShape.dim(-1) == 1) {
            throw new IllegalArgumentException(last.describe() + " applies softmax to 1 unit: softmax makes the outputs sum to 1, "
                    + "so it always outputs 1.0 and the model cannot learn. For two classes use Dense(1, \"sigmoid\"), or Dense(2, \"softmax\") "
                    + "with one-hot labels (Utils.toCategorical(y, 2)) or integer labels and 'sparse_categorical_crossentropy'.");
        }
    }

    /**
     * x and y of evaluate and the on-batch methods, checked whole: a matching pair, x fitting the model (built on it if
     * need be), both contiguous in the model's type and finite, y in the form the loss takes.
     */
    static INDArray[] checkedPair(Sequential model, Loss loss, INDArray x, INDArray y) {
        checkPair("x", x, "y", y);
        model.ensureBuilt(Shape.ofSamples(x.shape()));
        checkInput(model, "x", x);
        DataType type = model.stack().dataType();
        INDArray xc = Rows.contiguous(x, type);
        checkFinite("x", xc);
        INDArray yc = Rows.contiguous(y, type);
        checkFinite("y", yc);
        return new INDArray[] {xc, labels(model, loss, "y", yc)};
    }

    /**
     * Labels fitted to the output: {@code (N,)} labels for an output of width 1 become {@code (N, 1)} (as Keras
     * expands them); then the loss checks the shape, and integer labels must be valid class indices.
     */
    static INDArray labels(Sequential model, Loss loss, String name, INDArray y) {
        Shape outputShape = model.stack().outputShape();
        boolean sparse = loss instanceof SparseCategoricalCrossentropy;
        INDArray labels = y;
        if (!sparse && y.rank() == outputShape.rank() && outputShape.dim(-1) == 1) {
            labels = y.reshape('c', outputShape.withBatch(y.size(0)));
        }
        try {
            loss.checkLabels(labels.shape(), outputShape.withBatch(y.size(0)));
        } catch (IllegalArgumentException e) {
            String message = missingFlatten(model, y.shape()).orElse(e.getMessage());
            throw new IllegalArgumentException(name.equals("y") ? message : name + ": " + message, e);
        }
        if (sparse) {
            checkClassIndices(name, labels, outputShape.dim(-1));
        }
        return labels;
    }

    /**
     * Labels with one row per sample do not fit an output with several rows per sample. The usual cause: a Dense
     * layer received samples of more than one axis (images without a Flatten layer first), and Dense acts on
     * the last axis only, keeping the others. Then the message names that layer and the Flatten it lacks.
     */
    static Optional<String> missingFlatten(Sequential model, long[] labelShape) {
        LayerStack stack = model.stack();
        Shape output = stack.outputShape();
        if (output.rank() < 2 || labelShape.length > output.rank()) {
            return Optional.empty(); // one output row per sample, or labels with as many axes as the outputs
        }
        Shape in = stack.inputShape();
        for (Layer layer : stack.layers()) {
            if (layer instanceof Dense && in.rank() > 1) {
                String fix = layer.index() == 0
                        ? "Add a Flatten layer first: start the model with new Flatten().inputShape(" + dims(in) + ")"
                        + (layer.declaredInputShape() != null ? " and remove inputShape(...) from the Dense layer." : ".")
                        : "Add a Flatten layer before it: model.add(new Flatten()) just before adding it.";
                return Optional.of("Model '" + model.name() + "' outputs " + output.toBatchString() + " but the labels have shape "
                        + Shape.describe(labelShape) + ", one row per sample: " + layer.describe() + " receives "
                        + in.toBatchString() + ", and a Dense layer acts on the last axis only, keeping the others. " + fix);
            }
            in = layer.computeOutputShape(in);
        }
        return Optional.empty();
    }

    private static long[] toLongs(int[] dims) {
        return java.util.Arrays.stream(dims).asLongStream().toArray();
    }

    /** {@code "28, 28"}: a sample shape as inputShape(...)'s arguments. */
    private static String dims(Shape shape) {
        return java.util.Arrays.stream(shape.dims()).mapToObj(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
    }

    private static void checkClassIndices(String name, INDArray y, int classes) {
        scan(name, y, (index, v) -> {
            if (v < 0 || v >= classes || v != Math.rint(v)) {
                throw new IllegalArgumentException(name + "[" + index + "] is " + v + " but the output layer has " + classes
                        + " units, so integer class labels must be whole numbers in [0, " + (classes - 1) + "]. "
                        + "Check the labels, or give the last Dense layer as many units as there are classes.");
            }
        });
    }

    /**
     * Fails on the first NaN or infinite value of {@code a}, naming the sample; returns the range of the values.
     * One pass over the data, a chunk at a time, in a plain loop: it runs on every fit, over the whole dataset.
     */
    static Stats checkFinite(String name, INDArray a) {
        long n = a.size(0);
        long perSample = Math.max(1, Rows.length(a));
        long length = a.length();
        boolean wide = a.dataType() == DataType.DOUBLE; // float64 values beyond float32's range are still finite
        double[] doubles = wide ? SCAN_DOUBLES.get() : null;
        float[] floats = wide ? null : SCAN_FLOATS.get();
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        boolean whole = true;
        for (long start = 0; start < length; start += SCAN_CHUNK) {
            int count = (int) Math.min(SCAN_CHUNK, length - start);
            if (wide) {
                NativeMemory.read(a, start, doubles, count);
            } else {
                NativeMemory.readFloats(a, start, floats, count);
            }
            for (int i = 0; i < count; i++) {
                double v = wide ? doubles[i] : floats[i];
                if (!Double.isFinite(v)) {
                    long index = start + i;
                    throw new IllegalArgumentException(name + " contains " + (Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity")
                            + " at sample " + index / perSample + " (value " + index % perSample + " of that sample). Training on it"
                            + " would turn every weight into NaN: remove those samples, or replace the values (e.g. with the"
                            + " feature's mean) first.");
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
                whole = whole && v == Math.rint(v);
            }
        }
        return new Stats(min, max, whole);
    }

    /** A warning when raw pixel values (whole numbers up to 255) feed a network with sigmoid or softmax units. */
    static Optional<String> pixelWarning(String name, Stats stats, List<Layer> layers) {
        boolean saturating = layers.stream().anyMatch(l -> l instanceof ActivatedLayer a
                && ("sigmoid".equals(a.activation().name()) || "softmax".equals(a.activation().name())));
        if (!saturating || !stats.wholeNumbers() || stats.min() < 0 || stats.max() <= 1 || stats.max() > PIXEL_MAX) {
            return Optional.empty();
        }
        return Optional.of(name + " holds whole numbers from " + (long) stats.min() + " to " + (long) stats.max()
                + ", like raw pixel values, and the model has sigmoid/softmax units: such inputs saturate them and training stalls. "
                + "Scale the data to 0..1 first, e.g. " + name + ".castTo(DataType.FLOAT).div(255).");
    }

    private interface ValueCheck {
        void accept(long index, double value);
    }

    /** Calls {@code check} on every value of the contiguous array {@code a}, in c order, a chunk at a time. */
    private static void scan(String name, INDArray a, ValueCheck check) {
        long length = a.length();
        double[] buffer = SCAN_DOUBLES.get();
        for (long start = 0; start < length; start += SCAN_CHUNK) {
            int count = (int) Math.min(SCAN_CHUNK, length - start);
            NativeMemory.read(a, start, buffer, count);
            for (int i = 0; i < count; i++) {
                check.accept(start + i, buffer[i]);
            }
        }
    }
}
