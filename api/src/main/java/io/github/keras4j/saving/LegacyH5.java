package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.layers.Layer;
import io.github.keras4j.layers.Parameter;
import io.github.keras4j.layers.Shape;
import io.jhdf.api.Dataset;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The legacy Keras 2 HDF5 model ({@code model.save("model.h5")}): the root attribute {@code model_config}
 * (the model's config as JSON, without {@code module} keys), {@code training_config} (loss, metrics and
 * {@code optimizer_config}) and the group {@code model_weights}, whose attribute {@code layer_names} lists the
 * layers and where each layer's group lists its variables in attribute {@code weight_names}.
 *
 * <p>Layers with variables are matched to the file's layers with variables in order, as Keras does. The
 * optimizer's state ({@code optimizer_weights}) is restored for files of tf.keras 2.11 on and Keras 3
 * ({@link LegacyOptimizerWeights}); the optimizer of older files starts fresh.
 */
final class LegacyH5 {
    private LegacyH5() {
    }

    static ModelDescription read(Path path, String source, boolean compile) {
        byte[] bytes = Saving.readAll(path, source);
        ModelDescription[] result = new ModelDescription[1];
        Saving.withHdf5(bytes, source, path.getFileName().toString(), tree -> result[0] = read(tree, source, compile));
        return result[0];
    }

    private static ModelDescription read(H5Tree tree, String source, boolean compile) {
        List<String> modelConfig = tree.stringAttribute("", "model_config");
        if (modelConfig == null || modelConfig.size() != 1) {
            boolean weightsOnly = tree.hasGroup("layers") || tree.stringAttribute("", "layer_names") != null;
            throw new ModelFileException(source, weightsOnly
                    ? "it holds weights only, without a model config; build the model and load them with loadWeights"
                    : "it is an HDF5 file without the 'model_config' attribute of a Keras model");
        }
        JsonNode root = Saving.parseJson(modelConfig.get(0).getBytes(StandardCharsets.UTF_8), source, "the model_config attribute");
        JsonNode compileConfig = null;
        List<String> training = tree.stringAttribute("", "training_config");
        if (compile && training != null && training.size() == 1) {
            compileConfig = compileConfig(Saving.parseJson(training.get(0).getBytes(StandardCharsets.UTF_8), source,
                    "the training_config attribute"));
        }
        ModelDescription model;
        try {
            model = SequentialConfigs.read(root, compileConfig, compile, tree.storedValues());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw e instanceof ModelFileException m ? m : new ModelFileException(source, e.getMessage(), e);
        }
        if (!model.isBuilt()) {
            throw new ModelFileException(source, "its model_config gives no input shape, so the model cannot hold its weights");
        }
        readWeights(tree, model);
        LegacyOptimizerWeights.restore(tree, model);
        return model;
    }

    /** Keras 2's {@code training_config} in the shape of Keras 3's {@code compile_config}. */
    private static JsonNode compileConfig(JsonNode training) {
        ObjectNode c = KerasJson.object();
        if (training.has("optimizer_config")) {
            c.set("optimizer", training.get("optimizer_config"));
        }
        c.set("loss", training.get("loss"));
        JsonNode metrics = training.get("metrics");
        if (metrics != null && metrics.isArray() && metrics.size() == 1 && metrics.get(0).isArray()) {
            metrics = metrics.get(0); // one output's list of metrics
        }
        c.set("metrics", metrics);
        c.set("loss_weights", training.get("loss_weights"));
        JsonNode weighted = training.get("weighted_metrics");
        if (weighted != null && weighted.isArray() && weighted.isEmpty()) {
            weighted = null;
        }
        c.set("weighted_metrics", weighted);
        return c;
    }

    private static void readWeights(H5Tree tree, ModelDescription model) {
        String group = tree.hasGroup("model_weights") ? "model_weights" : "";
        List<String> layerNames = tree.stringAttribute(group, "layer_names");
        if (layerNames == null) {
            throw new IllegalArgumentException("the file has no 'layer_names' attribute on its model_weights group, so its weights cannot be matched to layers");
        }
        List<String> withWeights = new ArrayList<>();
        List<List<String>> weightNames = new ArrayList<>();
        for (String name : layerNames) {
            String layerGroup = group.isEmpty() ? name : group + "/" + name;
            List<String> names = tree.stringAttribute(layerGroup, "weight_names");
            if (names != null && !names.isEmpty()) {
                withWeights.add(layerGroup);
                weightNames.add(names);
            }
        }
        List<Layer> layers = new ArrayList<>();
        for (Layer layer : model.layers()) {
            if (!layer.weights().isEmpty()) {
                layers.add(layer);
            }
        }
        if (layers.size() != withWeights.size()) {
            throw new IllegalArgumentException("the model has " + layers.size() + " layers with weights but the file's model_weights has "
                    + withWeights.size() + " (" + withWeights + ")");
        }
        List<Parameter> targets = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            List<Parameter> params = layer.weights();
            List<String> names = weightNames.get(i);
            if (names.size() != params.size()) {
                throw new IllegalArgumentException(layer.describe() + " has " + params.size() + " variables but " + withWeights.get(i)
                        + " lists " + names.size() + ": " + names);
            }
            for (int v = 0; v < params.size(); v++) {
                String datasetPath = H5Tree.normalize(withWeights.get(i) + "/" + names.get(v));
                Dataset d = tree.dataset(datasetPath);
                String what = datasetPath + " (" + params.get(v).localName() + " of " + layer.describe() + ")";
                if (d == null) {
                    throw new IllegalArgumentException(what + " is listed in weight_names but missing from the file");
                }
                if (!H5Arrays.hasShape(d, params.get(v).value().shape())) {
                    throw new IllegalArgumentException(what + " has shape " + H5Arrays.shapeOf(d) + " but the layer expects "
                            + Shape.describe(params.get(v).value().shape()));
                }
                targets.add(params.get(v));
                values.add(H5Arrays.readFloating(d, what));
            }
        }
        for (int i = 0; i < targets.size(); i++) {
            NativeMemory.write(values.get(i), targets.get(i).value());
        }
    }
}
