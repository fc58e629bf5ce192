package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.keras4j.losses.Loss;
import io.github.keras4j.optimizers.Optimizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Keras' {@code compile_config}: optimizer, loss and metrics, plus options keras4j leaves at Keras'
 * defaults ({@code run_eagerly}, {@code steps_per_execution}, {@code jit_compile}). Loss weights and
 * weighted metrics belong to multi-output models and are not supported.
 *
 * <p>Keras lets a model be compiled without a loss (for a custom training step); keras4j cannot train such a
 * model, so it loads uncompiled.
 */
final class CompileConfigs {
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
        Optimizer optimizer = OptimizerConfigs.read(c.raw("optimizer"));
        Loss loss = LossConfigs.read(c.raw("loss"));
        List<String> metrics = metricNames(c.raw("metrics"));
        c.expect("loss_weights");
        c.expect("weighted_metrics");
        c.ignore("run_eagerly", "steps_per_execution", "jit_compile", "auto_scale_loss");
        c.finish();
        return new CompileState(optimizer, loss, metrics);
    }

    /** Metric identifiers, or the names of serialized metric objects. */
    private static List<String> metricNames(JsonNode metrics) {
        List<String> names = new ArrayList<>();
        if (metrics == null) {
            return names;
        }
        if (!metrics.isArray()) {
            throw new IllegalArgumentException("the compile config has metrics=" + ConfigReader.abbreviate(metrics)
                    + "; keras4j models have one output and take a list of metrics");
        }
        for (JsonNode m : metrics) {
            if (m.isTextual()) {
                names.add(m.asText());
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
}
