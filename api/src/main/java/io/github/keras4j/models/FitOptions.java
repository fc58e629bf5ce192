package io.github.keras4j.models;

import io.github.keras4j.callbacks.Callback;
import io.github.keras4j.data.Dataset;
import io.github.keras4j.layers.Shape;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * fit's keyword arguments, immutable: start from {@link #defaults()} and change what you need, each
 * {@code withX} returning a copy, e.g. {@code FitOptions.defaults().withEpochs(10).withValidationData(xTest, yTest)}.
 *
 * <p>Keras' defaults: batch size {@value #DEFAULT_BATCH_SIZE}, epochs {@value #DEFAULT_EPOCHS}, verbose
 * {@value #DEFAULT_VERBOSE} (0 silent, 1 progress bar, 2 one line per epoch), shuffle
 * {@value #DEFAULT_SHUFFLE} (a new order every epoch), validation split {@value #DEFAULT_VALIDATION_SPLIT},
 * initial epoch {@value #DEFAULT_INITIAL_EPOCH}, no validation data, no callbacks, every batch in an epoch
 * ({@code stepsPerEpoch} {@value #ALL_STEPS}), validation after every epoch ({@code validationFreq}
 * {@value #DEFAULT_VALIDATION_FREQ}).
 *
 * <p>{@code validationSplit} holds out the LAST fraction of the samples, taken before any shuffling, as
 * Keras does; {@code validationData}, when given, takes precedence over it. {@code epochs} is the index
 * of the last epoch, so {@code withInitialEpoch(5).withEpochs(10)} runs epochs 6 to 10.
 */
public record FitOptions(int batchSize, int epochs, int verbose, boolean shuffle, INDArray validationX, INDArray validationY,
                         double validationSplit, List<Callback> callbacks, int initialEpoch, Dataset validationDataset,
                         int stepsPerEpoch, int validationFreq) {
    public static final int DEFAULT_BATCH_SIZE = 32;
    public static final int DEFAULT_EPOCHS = 1;
    public static final int DEFAULT_VERBOSE = 1;
    public static final boolean DEFAULT_SHUFFLE = true;
    public static final double DEFAULT_VALIDATION_SPLIT = 0.0;
    public static final int DEFAULT_INITIAL_EPOCH = 0;
    /** {@code stepsPerEpoch} when none is given: {@value}, every batch of the data (Keras' {@code None}). */
    public static final int ALL_STEPS = 0;
    /** Validation after every {@value}st epoch, as in Keras. */
    public static final int DEFAULT_VALIDATION_FREQ = 1;

    /** Checks every value, echoing the bad one. */
    public FitOptions {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize
                    + ". Use the number of samples for full-batch gradient descent.");
        }
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be >= 0, got " + epochs + ". It is the number of the last epoch to train,"
                    + " e.g. withEpochs(10).");
        }
        if (verbose < 0 || verbose > 2) {
            throw new IllegalArgumentException("verbose must be 0 (silent), 1 (progress bar) or 2 (one line per epoch), got " + verbose);
        }
        if (!(validationSplit >= 0 && validationSplit < 1)) {
            throw new IllegalArgumentException("validationSplit is the fraction of samples held out and must be in [0, 1), got "
                    + validationSplit + ". For example 0.2 holds out the last 20% of the samples; 0 holds out none.");
        }
        if (initialEpoch < 0) {
            throw new IllegalArgumentException("initialEpoch must be >= 0, got " + initialEpoch + ". It is the epoch to resume"
                    + " from: 0 for a new run.");
        }
        if (stepsPerEpoch < 0) {
            throw new IllegalArgumentException("stepsPerEpoch must be >= 1 (batches per epoch), or 0 for every batch of the data; got "
                    + stepsPerEpoch + ".");
        }
        if (validationFreq < 1) {
            throw new IllegalArgumentException("validationFreq must be >= 1 (validate every that many epochs), got " + validationFreq + ".");
        }
        if (validationX != null && validationDataset != null) {
            throw new IllegalArgumentException("validation data is given twice, as arrays and as a Dataset; give one");
        }
        if ((validationX == null) != (validationY == null)) {
            throw new IllegalArgumentException("validationData needs both x and y, got " + (validationX == null ? "no x" : "no y"));
        }
        Objects.requireNonNull(callbacks, "callbacks");
        for (int i = 0; i < callbacks.size(); i++) {
            if (callbacks.get(i) == null) {
                throw new IllegalArgumentException("callbacks[" + i + "] is null");
            }
        }
        callbacks = List.copyOf(callbacks);
    }

    /** Keras' defaults, listed in the class description. */
    public static FitOptions defaults() {
        return new FitOptions(DEFAULT_BATCH_SIZE, DEFAULT_EPOCHS, DEFAULT_VERBOSE, DEFAULT_SHUFFLE, null, null,
                DEFAULT_VALIDATION_SPLIT, List.of(), DEFAULT_INITIAL_EPOCH, null, ALL_STEPS, DEFAULT_VALIDATION_FREQ);
    }

    public FitOptions withBatchSize(int batchSize) {
        return new FitOptions(batchSize, epochs, verbose, shuffle, validationX, validationY, validationSplit, callbacks, initialEpoch,
                validationDataset, stepsPerEpoch, validationFreq);
    }

    public FitOptions withEpochs(int epochs) {
        return new FitOptions(batchSize, epochs, verbose, shuffle, validationX, validationY, validationSplit, callbacks, initialEpoch,
                validationDataset, stepsPerEpoch, validationFreq);
    }

    public FitOptions withVerbose(int verbose) {
        return new FitOptions(batchSize, epochs, verbose, shuffle, validationX, validationY, validationSplit, callbacks, initialEpoch,
                validationDataset, stepsPerEpoch, validationFreq);
    }

    public FitOptions withShuffle(boolean shuffle) {
        return new FitOptions(batchSize, epochs, verbose, shuffle, validationX, validationY, validationSplit, callbacks, initialEpoch,
                validationDataset, stepsPerEpoch, validationFreq);
    }

    /** Data evaluated at the end of every epoch, reported as {@code val_loss} and {@code val_<metric>}. */
    public FitOptions withValidationData(INDArray x, INDArray y) {
        if (x == null || y == null) {
            throw new IllegalArgumentException("withValidationData needs both x and y, got " + (x == null ? "x null" : "y null"));
        }
        return new FitOptions(batchSize, epochs, verbose, shuffle, x, y, validationSplit, callbacks, initialEpoch, null, stepsPerEpoch,
                validationFreq);
    }

    public FitOptions withValidationSplit(double validationSplit) {
        return new FitOptions(batchSize, epochs, verbose, shuffle, validationX, validationY, validationSplit, callbacks, initialEpoch,
                validationDataset, stepsPerEpoch, validationFreq);
    }

    public FitOptions withCallbacks(Callback... callbacks) {
        return new FitOptions(batchSize, epochs, verbose, shuffle, validationX, validationY, validationSplit,
                Arrays.asList(Objects.requireNonNull(callbacks, "callbacks")), initialEpoch, validationDataset, stepsPerEpoch, validationFreq);
    }

    public FitOptions withInitialEpoch(int initialEpoch) {
        return new FitOptions(batchSize, epochs, verbose, shuffle, validationX, validationY, validationSplit, callbacks, initialEpoch,
                validationDataset, stepsPerEpoch, validationFreq);
    }

    /**
     * A {@link Dataset} evaluated at the end of every epoch (every {@code validationFreq}th), reported as {@code val_loss}
     * and {@code val_<metric>}; it replaces validation arrays given before, as later arrays replace it.
     */
    public FitOptions withValidationData(Dataset validation) {
        if (validation == null) {
            throw new IllegalArgumentException("withValidationData needs a Dataset, got null");
        }
        return new FitOptions(batchSize, epochs, verbose, shuffle, null, null, validationSplit, callbacks, initialEpoch, validation,
                stepsPerEpoch, validationFreq);
    }

    /**
     * Batches per epoch (Keras' {@code steps_per_epoch}): needed for a {@link Dataset} of unknown length, and otherwise an
     * epoch of the first {@code stepsPerEpoch} batches. {@value #ALL_STEPS} means every batch.
     */
    public FitOptions withStepsPerEpoch(int stepsPerEpoch) {
        return new FitOptions(batchSize, epochs, verbose, shuffle, validationX, validationY, validationSplit, callbacks, initialEpoch,
                validationDataset, stepsPerEpoch, validationFreq);
    }

    /** Validate after every {@code validationFreq}th epoch only (Keras' integer {@code validation_freq}); 1 validates every epoch. */
    public FitOptions withValidationFreq(int validationFreq) {
        return new FitOptions(batchSize, epochs, verbose, shuffle, validationX, validationY, validationSplit, callbacks, initialEpoch,
                validationDataset, stepsPerEpoch, validationFreq);
    }

    /** True when validation data (arrays or a Dataset) was given. */
    public boolean hasValidationData() {
        return validationX != null || validationDataset != null;
    }

    /** Shapes instead of contents for the arrays. */
    @Override
    public String toString() {
        return "FitOptions[batchSize=" + batchSize + ", epochs=" + epochs + ", verbose=" + verbose + ", shuffle=" + shuffle
                + ", validationData=" + (validationX == null ? "none" : Shape.describe(validationX.shape()) + ", " + Shape.describe(validationY.shape()))
                + (validationDataset == null ? "" : ", validationDataset=" + validationDataset)
                + ", validationSplit=" + validationSplit + ", callbacks=" + callbacks + ", initialEpoch=" + initialEpoch
                + (stepsPerEpoch == ALL_STEPS ? "" : ", stepsPerEpoch=" + stepsPerEpoch)
                + (validationFreq == DEFAULT_VALIDATION_FREQ ? "" : ", validationFreq=" + validationFreq) + "]";
    }
}
