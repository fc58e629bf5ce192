package io.github.keras4j.models;

import io.github.keras4j.layers.Layer;
import io.github.keras4j.metrics.Metrics;
import io.github.keras4j.saving.CompileState;
import io.github.keras4j.saving.ModelDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/** Converts between {@link Sequential} and the saving code's {@link ModelDescription}, both ways. */
final class ModelFiles {
    private static final Logger LOG = LoggerFactory.getLogger(ModelFiles.class);

    private ModelFiles() {
    }

    static ModelDescription describe(Sequential model) {
        List<String> metrics = new ArrayList<>(model.metricNames());
        metrics.addAll(model.unavailableMetrics()); // kept from the file the model came from, so a save loses none
        CompileState compile = model.optimizer() == null ? null : new CompileState(model.optimizer(), model.loss(), metrics);
        return new ModelDescription(model.name(), model.stack().inputShape(), model.layers(), compile, model.shuffleState());
    }

    /** A model holding the description's layers (and weights), compiled as it was when saved. */
    static Sequential toModel(ModelDescription description) {
        Sequential model = new Sequential(description.name());
        for (Layer layer : description.layers()) {
            model.add(layer);
        }
        CompileState c = description.compile();
        if (c != null) {
            List<String> known = new ArrayList<>();
            List<String> dropped = new ArrayList<>();
            for (String metric : c.metrics()) {
                (Metrics.ids().contains(metric) ? known : dropped).add(metric);
            }
            if (!dropped.isEmpty()) {
                // Keras would rebuild them; keras4j compiles with the ones it knows rather than refusing the model.
                LOG.warn("Model '{}' was compiled with metrics keras4j cannot compute: {}. fit and evaluate do not report them;"
                        + " they stay on the model (unavailableMetrics()) and are saved with it.", description.name(), dropped);
            }
            model.compile(c.optimizer(), c.loss(), known.toArray(String[]::new));
            model.keepUnavailableMetrics(dropped);
        }
        model.restoreShuffleState(description.shuffleState());
        return model;
    }
}
