package io.github.keras4j.models;

import io.github.keras4j.data.Batch;
import io.github.keras4j.data.Dataset;
import io.github.keras4j.data.ForwardingDataset;
import io.github.keras4j.data.DatasetException;
import io.github.keras4j.layers.Shape;
import io.github.keras4j.losses.Loss;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
/**
 * A user's {@link Dataset} with every batch checked and converted before the model sees it. The first batch is
 * checked as fully as fit(x, y) checks whole arrays (and builds the model, and warns of raw pixels or labels that
 * cannot be probabilities); every batch for NaN and infinities, for the model's input shape and for labels the loss
 * takes; each message names the batch. A batch comes back
 * in the model's type (float32), c-ordered, with labels fitted to the output.
 */
final class CheckedDataset extends ForwardingDataset {
    private static final Logger LOG = LoggerFactory.getLogger(CheckedDataset.class);
    private final Sequential model;
    private final Loss loss;
    private final String role;
    private final boolean labels;
    /** Whether a batch with labels has been checked fully (the first one is). */
    private boolean checkedFirst;

    /**
     * @param role   the dataset's part, for messages: "training", "validation", "evaluation", "prediction"
     * @param loss   the compiled loss, or null when no labels are needed (predict)
     */
    CheckedDataset(Sequential model, Loss loss, Dataset source, String role) {
        super(source);
        if (source == null) {
            throw new IllegalArgumentException("the " + role + " Dataset is null; pass a Dataset");
        }
        this.model = model;
        this.loss = loss;
        this.role = role;
        this.labels = loss != null;
    }

    /** The checked, converted batch, or null when a stream has ended. */
    @Override
    public Batch batch(int index) {
        Batch raw;
        try {
            raw = source.batch(index);
        } catch (DatasetException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DatasetException("The " + role + " Dataset failed to deliver batch " + index + ": " + e + ". The model keeps"
                    + " the weights of its last complete step.", e);
        }
        if (raw == null) {
            return null;
        }
        String x = "x of " + role + " batch " + index, y = "y of " + role + " batch " + index;
        if (raw.x() == null || (labels && raw.y() == null)) {
            throw new IllegalArgumentException("The " + role + " Dataset's batch " + index + " has no " + (raw.x() == null ? "x" : "y")
                    + (labels ? ": each batch needs inputs x and labels y, new Batch(x, y)." : ": each batch needs inputs x, new Batch(x, null)."));
        }
        if (labels) {
            Preflight.checkPair(x, raw.x(), y, raw.y());
        } else {
            Preflight.checkArray(x, raw.x(), 2);
        }
        boolean first = !checkedFirst;
        model.ensureBuilt(Shape.ofSamples(raw.x().shape()));
        Preflight.checkInput(model, x, raw.x());
        INDArray xc = Rows.contiguous(raw.x(), model.stack().dataType());
        Preflight.Stats stats = Preflight.checkFinite(x, xc);
        if (!labels) {
            return new Batch(xc, null);
        }
        INDArray yc = Rows.contiguous(raw.y(), model.stack().dataType());
        Preflight.checkFinite(y, yc);
        yc = Preflight.labels(model, loss, y, yc);
        if (first) {
            checkedFirst = true;
            Preflight.checkOutput(model.stack().layers(), model.stack().outputShape());
            Preflight.pixelWarning("x", stats, model.stack().layers()).ifPresent(LOG::warn);
            LabelWarnings.check(y, yc, loss).ifPresent(LOG::warn);
        }
        return new Batch(xc, yc);
    }
}
