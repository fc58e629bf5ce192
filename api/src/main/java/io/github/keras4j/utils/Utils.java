package io.github.keras4j.utils;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.layers.Shape;
import io.github.keras4j.models.ModelNames;
import io.github.keras4j.models.Sequential;
import io.github.keras4j.random.SeedGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/** Keras' {@code keras.utils} helpers for preparing data, and the global seed. */
public final class Utils {
    /** Hex digits in a {@link #fingerprint(Sequential)}: {@value} (64 bits). */
    public static final int FINGERPRINT_LENGTH = 16;

    private Utils() {
    }

    /** The norm {@link #normalize(INDArray, int)} divides by, Keras' default: {@value} (the L2 norm). */
    public static final int DEFAULT_NORM_ORDER = 2;

    /** {@link #normalize(INDArray, int, int)} with Keras' default order {@value #DEFAULT_NORM_ORDER}. */
    public static INDArray normalize(INDArray x, int axis) {
        return normalize(x, axis, DEFAULT_NORM_ORDER);
    }

    /**
     * Keras' {@code keras.utils.normalize(x, axis, order)}: every vector of {@code x} along {@code axis} divided
     * by its {@code order}-norm, {@code (sum |v_k|^order)^(1/order)}; a zero norm divides by 1, so zero vectors
     * stay zero. {@code axis} may count from the end ({@code -1}, Keras' default, is the last axis). The result
     * has {@code x}'s floating type (float32 for integer input); norms are summed in double precision.
     *
     * <p>Keras' NumPy path puts the norms back at axis -1 when {@code axis} is 0 ({@code axis = axis or -1}),
     * which divides by the wrong norms for that one axis; keras4j divides every vector by its own norm, as Keras'
     * tensor path ({@code ops.nn.normalize}) does.
     */
    public static INDArray normalize(INDArray x, int axis, int order) {
        if (x == null) {
            throw new IllegalArgumentException("normalize needs an array, got null");
        }
        int rank = x.rank();
        int a = axis < 0 ? axis + rank : axis;
        if (rank == 0 || a < 0 || a >= rank) {
            throw new IllegalArgumentException("normalize: axis " + axis + " is out of range for an array of shape "
                    + Shape.describe(x.shape()) + " (rank " + rank + ")");
        }
        if (order < 1) {
            throw new IllegalArgumentException("normalize: order must be 1 or more (1 for the L1 norm, 2 for the L2 norm), got " + order);
        }
        long[] shape = x.shape();
        long n = shape[a];
        long inner = 1;
        for (int d = a + 1; d < rank; d++) {
            inner *= shape[d];
        }
        double[] v = NativeMemory.read(x.dup('c'));
        long outer = n == 0 || inner == 0 ? 0 : v.length / (n * inner);
        for (long o = 0; o < outer; o++) {
            for (long i = 0; i < inner; i++) {
                long base = o * n * inner + i;
                double sum = 0;
                for (long k = 0; k < n; k++) {
                    double e = Math.abs(v[(int) (base + k * inner)]);
                    sum += order == 1 ? e : order == 2 ? e * e : Math.pow(e, order);
                }
                double norm = order == 1 ? sum : order == 2 ? Math.sqrt(sum) : Math.pow(sum, 1.0 / order);
                if (norm == 0) {
                    norm = 1;
                }
                for (long k = 0; k < n; k++) {
                    v[(int) (base + k * inner)] /= norm;
                }
            }
        }
        DataType type = x.dataType().isFPType() ? x.dataType() : DataType.FLOAT;
        INDArray out = NativeMemory.create(type, shape);
        if (v.length > 0) {
            NativeMemory.write(v, out);
        }
        return out;
    }

    /**
     * One-hot encodes integer class labels (Keras' {@code to_categorical}): labels of shape {@code (N,)} or
     * {@code (N, 1)}, whole numbers in {@code [0, numClasses)}, become a float32 {@code (N, numClasses)} array
     * with a 1 in each row's class column.
     */
    public static INDArray toCategorical(INDArray labels, int numClasses) {
        if (labels == null) {
            throw new IllegalArgumentException("toCategorical needs labels, got null");
        }
        if (numClasses < 1) {
            throw new IllegalArgumentException("toCategorical: numClasses must be >= 1, got " + numClasses);
        }
        boolean column = labels.rank() == 2 && labels.size(1) == 1;
        if (labels.rank() != 1 && !column) {
            throw new IllegalArgumentException("toCategorical needs integer labels of shape (N,) or (N, 1), got "
                    + Shape.describe(labels.shape()) + (labels.rank() == 2 && labels.size(1) == numClasses
                    ? ": these look one-hot encoded already." : "."));
        }
        double[] values = NativeMemory.read(labels);
        double[] oneHot = new double[Math.multiplyExact(values.length, numClasses)];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!(v >= 0 && v < numClasses) || v != Math.rint(v)) {
                throw new IllegalArgumentException("toCategorical: label " + i + " is " + v + ", but labels must be whole numbers in [0, "
                        + (numClasses - 1) + "] for numClasses=" + numClasses + ". Pass the number of classes (largest label + 1).");
            }
            oneHot[i * numClasses + (int) v] = 1;
        }
        INDArray out = NativeMemory.create(DataType.FLOAT, values.length, numClasses);
        if (oneHot.length > 0) {
            NativeMemory.write(oneHot, out);
        }
        return out;
    }

    /**
     * Keras' {@code set_random_seed}: seeds keras4j's random source (weight initialisation, dropout masks,
     * shuffling in fit) and ND4J's, so that building and training a model again gives the same weights
     * bit for bit.
     */
    public static void setRandomSeed(long seed) {
        SeedGenerator.setGlobalSeed(seed);
        Nd4j.getRandom().setSeed(seed);
    }

    /**
     * Keras' {@code clear_session()}: forgets the names given to unnamed models, so the next {@code new
     * Sequential()} is named {@code sequential} again ({@link ModelNames}). Models that exist keep their names.
     */
    public static void clearSession() {
        ModelNames.clear();
    }

    /**
     * A short, stable name for a model's weights, to print next to experiment results: the first
     * {@value #FINGERPRINT_LENGTH} hex digits of the SHA-256 of the weights in Keras' order ({@link
     * Sequential#getWeights()}: kernel, bias, layer by layer), each value as its four float32 bytes, little
     * endian. Two runs that print the same fingerprint trained to bit-identical weights. Keras computes the same
     * value with {@code hashlib.sha256(b"".join(w.astype("<f4").tobytes() for w in model.get_weights())).hexdigest()[:16]}.
     */
    public static String fingerprint(Sequential model) {
        if (model == null) {
            throw new IllegalArgumentException("fingerprint needs a model, got null");
        }
        if (!model.isBuilt()) {
            throw new IllegalStateException("fingerprint() of model '" + model.name() + "', which is not built yet and has no"
                    + " weights. Give the first layer an input shape, e.g. new Flatten().inputShape(28, 28), call build(28, 28),"
                    + " or call fit or predict first.");
        }
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
        for (INDArray w : model.getWeights()) {
            float[] values = new float[(int) w.length()];
            NativeMemory.readFloats(w, values);
            ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(values);
            sha256.update(bytes);
        }
        return HexFormat.of().formatHex(sha256.digest()).substring(0, FINGERPRINT_LENGTH);
    }

    /** The first {@code n} samples of {@code a} (along the first axis), as a view: nothing is copied. */
    public static INDArray take(INDArray a, long n) {
        if (a == null || a.rank() == 0) {
            throw new IllegalArgumentException("take needs an array with a sample axis, got " + (a == null ? "null" : "a scalar"));
        }
        if (n < 0 || n > a.size(0)) {
            throw new IllegalArgumentException("take(" + n + "): the array has " + a.size(0) + " samples (shape "
                    + Shape.describe(a.shape()) + "); n must be in [0, " + a.size(0) + "]");
        }
        if (n == a.size(0)) {
            return a;
        }
        // NativeMemory.rows, not a.get(interval(...)): ND4J's indexing can return an empty array for a view of a view.
        return NativeMemory.rows(NativeMemory.isContiguous(a) ? a : a.dup('c'), 0, n);
    }

    /**
     * A seeded random split into training and test samples (a {@code testFraction} of them, rounded
     * down, at least 1 and leaving at least 1): the same seed gives the same split. Each of the four
     * arrays is gathered once from the data, so the split costs one copy of the dataset in all, not two.
     */
    public static TrainTestSplit trainTestSplit(INDArray x, INDArray y, double testFraction, long seed) {
        if (x == null || y == null || x.rank() == 0 || y.rank() == 0) {
            throw new IllegalArgumentException("trainTestSplit needs x and y with a sample axis");
        }
        long n = x.size(0);
        if (y.size(0) != n) {
            throw new IllegalArgumentException("trainTestSplit: x has " + n + " samples but y has " + y.size(0) + "; they must match");
        }
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("trainTestSplit: testFraction must be in (0, 1), got " + testFraction);
        }
        int test = (int) Math.floor(n * testFraction);
        if (test < 1 || test >= n) {
            throw new IllegalArgumentException("trainTestSplit: testFraction " + testFraction + " of " + n + " samples leaves "
                    + (test < 1 ? "no test samples" : "no training samples"));
        }
        int[] order = new int[(int) n];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int train = (int) n - test;
        INDArray xs = NativeMemory.contiguous(x), ys = NativeMemory.contiguous(y);
        return new TrainTestSplit(gather(xs, order, 0, train), gather(ys, order, 0, train),
                gather(xs, order, train, test), gather(ys, order, train, test));
    }

    private static INDArray gather(INDArray a, int[] order, int from, int count) {
        long[] shape = a.shape().clone();
        shape[0] = count;
        INDArray out = NativeMemory.create(a.dataType(), shape);
        NativeMemory.gatherRows(a, order, from, count, out);
        return out;
    }
}
