package io.github.keras4j.models;

import io.github.keras4j.engine.LayerStack;
import io.github.keras4j.layers.Shape;
import io.github.keras4j.losses.Loss;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * The arrays fit trains and validates on: converted once to the model's type (float32) in c order,
 * split, and checked by {@link Preflight} before the first step. Training and validation parts of a
 * {@code validationSplit} are views of one array, so nothing is copied twice.
 */
record FitData(INDArray x, INDArray y, INDArray xVal, INDArray yVal) {
    private static final Logger LOG = LoggerFactory.getLogger(FitData.class);

    boolean hasValidation() {
        return xVal != null;
    }

    static FitData prepare(Sequential model, Compiled compiled, INDArray x, INDArray y, FitOptions options) {
        Preflight.checkPair("x", x, "y", y);
        model.ensureBuilt(Shape.ofSamples(x.shape()));
        LayerStack stack = model.stack();
        Preflight.checkInput(model, "x", x);
        Preflight.checkOutput(stack.layers(), stack.outputShape());
        INDArray xc = Rows.contiguous(x, stack.dataType());
        Preflight.Stats stats = Preflight.checkFinite("x", xc);
        INDArray yc = labels(model, compiled.loss(), "y", y);
        Preflight.pixelWarning("x", stats, stack.layers()).ifPresent(LOG::warn);
        if (options.validationX() != null) {
            String vx = "validationData x", vy = "validationData y";
            Preflight.checkPair(vx, options.validationX(), vy, options.validationY());
            Preflight.checkInput(model, vx, options.validationX());
            INDArray xv = Rows.contiguous(options.validationX(), stack.dataType());
            Preflight.checkFinite(vx, xv);
            INDArray yv = labels(model, compiled.loss(), vy, options.validationY());
            warnAboutLabels(compiled.loss(), yc, vy, yv);
            return new FitData(xc, yc, xv, yv);
        }
        warnAboutLabels(compiled.loss(), yc, null, null); // a validation split's labels are rows of y
        if (options.validationSplit() > 0 && options.validationDataset() == null) { // validation data takes precedence
            long n = xc.size(0);
            long split = (long) Math.floor(n * (1.0 - options.validationSplit())); // Keras' split point
            if (split <= 0 || split >= n) {
                throw new IllegalArgumentException("validationSplit " + options.validationSplit() + " of " + n + " samples leaves "
                        + (split <= 0 ? "no training samples" : "no validation samples")
                        + ": use more samples or a validationSplit between " + (1.0 / n) + " and " + (1 - 1.0 / n) + ".");
            }
            return new FitData(Rows.view(xc, 0, split), Rows.view(yc, 0, split), Rows.view(xc, split, n), Rows.view(yc, split, n));
        }
        return new FitData(xc, yc, null, null);
    }

    /** One warning per fit at most: the first label row of y, else of the validation labels, that cannot be probabilities. */
    private static void warnAboutLabels(Loss loss, INDArray y, String validationName, INDArray yVal) {
        Optional<String> warning = LabelWarnings.check("y", y, loss);
        if (warning.isEmpty() && yVal != null) {
            warning = LabelWarnings.check(validationName, yVal, loss);
        }
        warning.ifPresent(LOG::warn);
    }

    /** Converted, checked for NaN, then fitted to the output. */
    private static INDArray labels(Sequential model, Loss loss, String name, INDArray y) {
        INDArray yc = Rows.contiguous(y, model.stack().dataType());
        Preflight.checkFinite(name, yc);
        return Preflight.labels(model, loss, name, yc);
    }
}
