package io.github.keras4j.examples.training;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.models.Sequential;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A short checksum of a model's weights: the first {@value #HEX_DIGITS} hex digits of the SHA-256 of every
 * weight as float32 (little-endian), in Keras' weight order. Two runs with the same seed that print the same
 * fingerprint trained the same model, bit for bit.
 */
public final class Fingerprint {
    /** Hex digits kept of the SHA-256. */
    public static final int HEX_DIGITS = 12;

    private Fingerprint() {
    }

    /** The fingerprint of {@code model}'s current weights. */
    public static String of(Sequential model) {
        return of(model.getWeights());
    }

    /** The fingerprint of {@code weights}, in the order given. */
    public static String of(List<INDArray> weights) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
        for (INDArray w : weights) {
            double[] values = NativeMemory.read(w.dataType() == DataType.FLOAT || w.dataType() == DataType.DOUBLE
                    ? w : w.castTo(DataType.FLOAT));
            ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (double v : values) {
                bytes.putFloat((float) v);
            }
            sha.update(bytes.array());
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, HEX_DIGITS);
    }
}
