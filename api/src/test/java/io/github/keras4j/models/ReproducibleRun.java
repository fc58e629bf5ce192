package io.github.keras4j.models;

import io.github.keras4j.SyntheticData;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Dropout;
import io.github.keras4j.utils.Utils;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One seeded training run with everything random switched on (initialisation, Dropout, shuffling), small enough
 * for CI. {@link ReproducibilityTest} runs it in its own JVM and in a fresh one started with {@link #main}.
 */
public final class ReproducibleRun {
    static final int EPOCHS = 4;

    private ReproducibleRun() {
    }

    /** Seeds, builds and trains the model; the data does not depend on the seed. */
    static Sequential train(long seed) {
        SyntheticData.Labeled data = SyntheticData.blobs(120, 6, 3, 1.0, 11);
        Utils.setRandomSeed(seed);
        Sequential model = new Sequential(new Dense(32, "relu").inputShape(6), new Dropout(0.4), new Dense(16, "tanh"),
                new Dropout(0.2), new Dense(3, "softmax"));
        model.compile("adam", "sparse_categorical_crossentropy", "acc");
        model.fit(data.x(), data.labels(), FitOptions.defaults().withVerbose(0).withEpochs(EPOCHS).withBatchSize(8).withShuffle(true));
        return model;
    }

    /** The full SHA-256 of every weight's float32 bits, in order: equal digests mean bit-identical weights. */
    static String weightsDigest(List<INDArray> weights) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (INDArray w : weights) {
                float[] values = w.dup().data().asFloat();
                ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.BIG_ENDIAN);
                for (float v : values) {
                    bytes.putInt(Float.floatToRawIntBits(v));
                }
                sha.update(bytes.array());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Prints {@code fingerprint=<16 hex> digest=<64 hex>} for the seed in {@code args[0]}. */
    public static void main(String[] args) {
        Sequential model = train(Long.parseLong(args[0]));
        System.out.println("fingerprint=" + Utils.fingerprint(model) + " digest=" + weightsDigest(model.getWeights()));
    }
}
