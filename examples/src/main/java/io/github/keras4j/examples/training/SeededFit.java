package io.github.keras4j.examples.training;

import io.github.keras4j.callbacks.Callback;
import io.github.keras4j.examples.experiments.EpochListener;
import io.github.keras4j.examples.experiments.TrainingHistory;
import io.github.keras4j.models.FitOptions;
import io.github.keras4j.models.Sequential;
import io.github.keras4j.utils.Utils;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One training run as a lesson's trainer does it: {@code Utils.setRandomSeed(seed)}, build and compile the model,
 * {@code fit} with an {@link EpochReporter} telling the runner about every epoch, then hand back the model and
 * its history (epochs, parameter count, {@link Utils#fingerprint fingerprint}).
 */
public final class SeededFit {
    /** A trained model and what the runner needs to know about its training. */
    public record Trained(Sequential model, TrainingHistory history) {
    }

    private SeededFit() {
    }

    /**
     * Seeds keras4j, builds the model with {@code build} (seeded: the initial weights depend on the seed only) and
     * fits it on {@code x, y} with {@code options}, to which the reporter and {@code callbacks} are added.
     */
    public static Trained fit(long seed, Supplier<Sequential> build, INDArray x, INDArray y, FitOptions options,
                              EpochListener listener, Callback... callbacks) {
        Utils.setRandomSeed(seed);
        Sequential model = build.get();
        EpochReporter reporter = new EpochReporter(listener);
        List<Callback> all = new ArrayList<>(options.callbacks());
        all.add(reporter);
        all.addAll(List.of(callbacks));
        model.fit(x, y, options.withCallbacks(all.toArray(Callback[]::new)));
        return new Trained(model, new TrainingHistory(reporter.epochs(), model.countParams(), Utils.fingerprint(model)));
    }
}
