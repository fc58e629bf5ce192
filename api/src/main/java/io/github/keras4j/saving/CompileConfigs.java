package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.keras4j.losses.Loss;
import io.github.keras4j.optimizers.Optimizer;
import io.github.keras4j.optimizers.Optimizers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Keras' {@code compile_config}: optimizer, loss and metrics, plus options keras4j leaves at Keras'
 * defaults ({@code run_eagerly}, {@code steps_per_execution}, {@code jit_compile}). Loss weights and
 * weighted metrics belong to multi-output models and are not supported.
 *
 * <p>Keras lets a model be compiled without a loss (for a custom training step); keras4j cannot train such a
 * model, so it loads uncompiled.
 */
final class CompileConfigs {
    /** The optimizer Keras' {@code compile} defaults to, used when a compile config names none: {@value}. */
    static final String DEFAULT_OPTIMIZER = "rmsprop";
    private static final Logger LOG = LoggerFactory.getLogger(CompileConfigs.class);

    private CompileConfigs() {
    }

    static ObjectNode write(CompileState compile) {
        ObjectNode c = KerasJson.object();
        c.set("optimizer", OptimizerConfigs.write(compile.optimizer()));
        c.set("loss", LossConfigs.write(compile.loss()));
        c.putNull("loss_weights");
        ArrayNode metrics = c.putArray("metrics");
        compile.metrics().forEach(metrics::add);
        c.putNull("weighted_metrics");
        c.put("run_eagerly", false);
        c.put("steps_per_execution", 1);
        c.put("jit_compile", false);
        return c;
    }

    /** The compile state of a {@code compile_config}, or null when the model was not compiled. */
    static CompileState read(JsonNode node) {
        if (node == null || node.isNull() || (node.isObject() && node.isEmpty())) {
            return null;
        }
        ConfigReader c = new ConfigReader(node, "the compile config");
        if (!c.has("loss")) {
            return null;
        }
        // Keras' compile_from_config calls compile(**config): without the key, compile's default optimizer.
        boolean optimizerStored = c.has("optimizer");
        Optimizer optimizer = optimizerStored ? OptimizerConfigs.read(c.raw("optimizer")) : Optimizers.get(DEFAULT_OPTIMIZER);
        Loss loss = LossConfigs.read(c.raw("loss"));
        List<String> metrics = metricNames(c.raw("metrics"));
        c.expect("loss_weights", "[]", "[1]", "[1.0]");
        c.expect("weighted_metrics", "[]", "[[]]");
        c.ignore("run_eagerly", "steps_per_execution", "jit_compile", "auto_scale_loss");
        c.finish();
        return new CompileState(optimizer, loss, metrics, optimizerStored);
    }

    /**
     * Whether the file's optimizer variables can be restored into {@code compile}'s optimizer: not when the
     * compile config named no optimizer, since they belong to the one the model was trained with (Keras, too,
     * skips them then, with a warning). {@code stored} is how many there are, {@code where} where they are.
     */
    static boolean optimizerStateRestorable(CompileState compile, int stored, String where) {
        if (compile.optimizerStored() || stored == 0) {
            return true;
        }
        LOG.warn("The compile config names no optimizer, so the model is compiled with Keras' default, {} with its"
                + " defaults, as Keras does when it loads such a file. The optimizer state at {} ({} variables) belongs to the"
                + " optimizer the model was trained with and is not restored; to train on with that optimizer, compile the model"
                + " again with it.", compile.optimizer().getClass().getSimpleName(), where, stored);
        return false;
    }

    /**
     * Metric identifiers, or the names of serialized metric objects, in every form Keras writes them: a list of
     * identifiers or class names ({@code "CategoricalAccuracy"} is reported as {@code categorical_accuracy}, as
     * Keras names the metric it creates), function envelopes, metric objects (named by their {@code name}), and
     * the one output's list inside a list ({@code [["accuracy"]]}).
     */
    private static List<String> metricNames(JsonNode metrics) {
        List<String> names = new ArrayList<>();
        if (metrics == null || metrics.isNull()) {
            return names;
        }
        if (metrics.isTextual() || (metrics.isObject() && metrics.has("class_name"))) {
            metrics = KerasJson.MAPPER.createArrayNode().add(metrics); // compile(metrics="accuracy")
        }
        if (metrics.isArray() && metrics.size() == 1 && metrics.get(0).isArray()) {
            metrics = metrics.get(0); // one output's list
        }
        if (!metrics.isArray()) {
            throw new IllegalArgumentException("the compile config has metrics=" + ConfigReader.abbreviate(metrics)
                    + "; keras4j models have one output and take a list of metrics");
        }
        for (JsonNode m : metrics) {
            String function = KerasJson.functionName(m);
            if (function != null) {
                names.add(function);
            } else if (m.isTextual()) {
                names.add(identifier(m.asText()));
            } else if (m.isObject() && m.has("class_name")) {
                JsonNode name = m.path("config").path("name");
                names.add(name.isTextual() ? name.asText() : KerasJson.snakeCase(m.get("class_name").asText()));
            } else {
                throw new IllegalArgumentException("the compile config has the metric " + ConfigReader.abbreviate(m)
                        + "; keras4j models have one output and take a list of metric names");
            }
        }
        return names;
    }

    /** A metric identifier, or the name Keras gives the metric of a class name ({@code "CategoricalAccuracy"}). */
    private static String identifier(String metric) {
        boolean className = !metric.isEmpty() && Character.isUpperCase(metric.charAt(0)) && !metric.equals(metric.toUpperCase(Locale.ROOT));
        return className ? KerasJson.snakeCase(metric) : metric;
    }
}
