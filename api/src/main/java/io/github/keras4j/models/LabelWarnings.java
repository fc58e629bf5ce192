package io.github.keras4j.models;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.losses.BinaryCrossentropy;
import io.github.keras4j.losses.CategoricalCrossentropy;
import io.github.keras4j.losses.Loss;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Locale;
import java.util.Optional;

/**
 * A warning for labels that cannot be probabilities under a cross-entropy loss: a negative value, a value above 1
 * for binary cross-entropy, or a row that does not sum to 1 for categorical cross-entropy (whose labels are
 * one-hot rows or other distributions). With such labels the loss can go negative and training optimises
 * something meaningless, without any error. Shapes are checked elsewhere and fail; these values only warn,
 * because soft labels are legitimate and a library cannot know every intent.
 */
final class LabelWarnings {
    /** How far a row's sum may be from 1 (float32 rounding of soft labels): {@value}. */
    static final double SUM_TOLERANCE = 1e-3;
    /** Values read per memory copy while scanning: {@value}. */
    private static final int CHUNK_VALUES = 1 << 16;
    /** Values of the offending row shown in the warning, at most: {@value}. */
    static final int SHOWN = 10;

    private LabelWarnings() {
    }

    /** The warning for the first row of {@code y} (contiguous, one row per sample) that breaks the rule, if any. */
    static Optional<String> check(String name, INDArray y, Loss loss) {
        boolean categorical = loss instanceof CategoricalCrossentropy;
        if (!categorical && !(loss instanceof BinaryCrossentropy)) {
            return Optional.empty();
        }
        long rows = y.size(0);
        int width = (int) (y.length() / Math.max(1, rows));
        int chunkRows = Math.max(1, CHUNK_VALUES / Math.max(1, width)); // one memory copy per chunk of rows, not per row
        float[] chunk = new float[chunkRows * width];
        for (long first = 0; first < rows; first += chunkRows) {
            int count = (int) Math.min(chunkRows, rows - first);
            NativeMemory.readFloats(y, first * width, chunk, count * width);
            for (int r = 0; r < count; r++) {
                String broken = broken(chunk, r * width, width, categorical);
                if (broken != null) {
                    float[] row = java.util.Arrays.copyOfRange(chunk, r * width, (r + 1) * width);
                    return Optional.of(message(name, first + r, row, broken, loss, categorical));
                }
            }
        }
        return Optional.empty();
    }

    /** What is wrong with the row at {@code values[from, from + width)}, or null. */
    private static String broken(float[] values, int from, int width, boolean categorical) {
        double sum = 0;
        for (int i = from; i < from + width; i++) {
            float v = values[i];
            if (v < 0) {
                return "holds the negative value " + v;
            }
            if (!categorical && v > 1) {
                return "holds " + v + ", above 1";
            }
            sum += v;
        }
        return categorical && Math.abs(sum - 1) > SUM_TOLERANCE ? "sums to " + String.format(Locale.ROOT, "%.4g", sum) + ", not 1" : null;
    }

    private static String message(String name, long r, float[] row, String broken, Loss loss, boolean categorical) {
        StringBuilder shown = new StringBuilder("[");
        for (int i = 0; i < Math.min(row.length, SHOWN); i++) {
            shown.append(i == 0 ? "" : ", ").append(row[i]);
        }
        shown.append(row.length > SHOWN ? ", ...]" : "]");
        String expected = categorical
                ? "each row to be a probability distribution (values from 0 to 1 that sum to 1), such as one-hot labels from"
                + " Utils.toCategorical(y, " + row.length + ")"
                : "values from 0 to 1 (0/1 labels, or probabilities)";
        return name + " row " + r + " is " + shown + ", which " + broken + ": loss '" + loss.name() + "' expects " + expected
                + ". With such labels the loss can become negative and training learns nothing meaningful; check how the labels"
                + " were made. (Only the first such row is reported.)";
    }
}
