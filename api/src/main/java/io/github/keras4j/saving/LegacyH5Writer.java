package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.keras4j.layers.Layer;
import io.github.keras4j.layers.Parameter;
import io.github.keras4j.optimizers.Optimizer;
import io.jhdf.api.WritableGroup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes the legacy Keras HDF5 model ({@code model.save("model.h5")}) as Keras 3 writes it
 * ({@code keras/src/legacy/saving/legacy_h5_format.py}, {@code save_model_to_hdf5}); {@link LegacyH5} reads it:
 * <ul>
 *   <li>root attributes {@code backend}, {@code keras_version}, {@code model_config} (the model's config as JSON,
 *   each layer as {@code {"class_name", "config"}} without {@code module}, {@code registered_name} and
 *   {@code build_config}) and, when compiled, {@code training_config} (the {@code compile_config} with the
 *   optimizer as {@code optimizer_config: {"class_name", "config"}});</li>
 *   <li>group {@code model_weights} with attributes {@code layer_names}, {@code backend}, {@code keras_version},
 *   a group per layer whose attribute {@code weight_names} lists its variables' paths
 *   ({@code sequential/dense/kernel}) and which holds them at those paths, and {@code top_level_model_weights};</li>
 *   <li>group {@code optimizer_weights}, when compiled: attribute {@code weight_names}
 *   ({@code adam/iteration}, {@code adam/learning_rate}, {@code adam/sequential_dense_kernel_momentum}, ...) and
 *   the values at those paths, in Keras' order ({@link OptimizerVariables}).</li>
 * </ul>
 * Keras writes {@code weight_names} of a layer without variables as an empty array; jHDF 0.13.0 cannot write an
 * empty attribute, so such groups have none, which Keras' reader takes as the same empty list.
 */
final class LegacyH5Writer {
    /** The {@code backend} attribute Keras writes; keras4j's arrays follow TensorFlow's layouts: {@value}. */
    static final String BACKEND = "tensorflow";

    private LegacyH5Writer() {
    }

    static void write(ModelDescription model, Path h5) {
        ObjectNode keras3 = SequentialConfigs.write(model);
        String modelConfig = modelConfig(keras3).toString();
        String trainingConfig = keras3.has("compile_config") ? trainingConfig(keras3.get("compile_config")).toString() : null;
        H5Writing.write(h5, file -> {
            file.removeAttribute("_jHDF"); // jHDF's provenance attribute; not Keras'
            file.putAttribute("backend", BACKEND);
            file.putAttribute("keras_version", Saving.KERAS_FORMAT_VERSION);
            file.putAttribute("model_config", modelConfig);
            if (trainingConfig != null) {
                file.putAttribute("training_config", trainingConfig);
            }
            writeWeights(file.putGroup("model_weights"), model);
            if (model.compile() != null) {
                writeOptimizer(file.putGroup("optimizer_weights"), model);
            }
        });
    }

    /** Keras 3's {@code config.json} in the legacy form: the model and each layer as class name and config only. */
    static ObjectNode modelConfig(ObjectNode keras3) {
        ObjectNode config = keras3.get("config").deepCopy();
        ArrayNode layers = KerasJson.MAPPER.createArrayNode();
        for (JsonNode layer : config.get("layers")) {
            layers.add(legacyObject(layer));
        }
        config.set("layers", layers);
        ObjectNode root = KerasJson.object();
        root.put("class_name", keras3.get("class_name").asText());
        root.set("config", config);
        return root;
    }

    /** Keras 2's {@code training_config} from Keras 3's {@code compile_config}. */
    static ObjectNode trainingConfig(JsonNode compileConfig) {
        ObjectNode training = compileConfig.deepCopy();
        JsonNode optimizer = training.remove("optimizer");
        training.set("optimizer_config", legacyObject(optimizer));
        return training;
    }

    private static ObjectNode legacyObject(JsonNode serialized) {
        ObjectNode o = KerasJson.object();
        o.put("class_name", serialized.get("class_name").asText());
        o.set("config", serialized.get("config").deepCopy());
        return o;
    }

    private static void writeWeights(WritableGroup weights, ModelDescription model) {
        weights.putAttribute("layer_names", model.layers().stream().map(Layer::name).toArray(String[]::new));
        weights.putAttribute("backend", BACKEND);
        weights.putAttribute("keras_version", Saving.KERAS_FORMAT_VERSION);
        List<Layer> byName = new ArrayList<>(model.layers());
        byName.sort(Comparator.comparing(Layer::name)); // Keras creates the groups in name order
        for (Layer layer : byName) {
            WritableGroup group = weights.putGroup(layer.name());
            List<Parameter> params = layer.weights();
            if (params.isEmpty()) {
                continue;
            }
            group.putAttribute("weight_names", params.stream().map(p -> variablePath(model, p)).toArray(String[]::new));
            WritableGroup holder = group.putGroup(model.name()).putGroup(layer.name());
            for (Parameter p : params) {
                holder.putDataset(p.localName(), H5Arrays.nested(p.value()));
            }
        }
        weights.putGroup("top_level_model_weights"); // a Sequential model has no variables of its own
    }

    private static void writeOptimizer(WritableGroup group, ModelDescription model) {
        Optimizer optimizer = model.compile().optimizer();
        List<Parameter> parameters = KerasWeights.parameters(model.layers());
        List<Object> values = OptimizerVariables.values(optimizer, parameters);
        List<String> names = OptimizerVariables.names(optimizer, parameters.stream().map(p -> variablePath(model, p)).toList());
        group.putAttribute("weight_names", names.stream().map(n -> optimizer.name() + "/" + n).toArray(String[]::new));
        WritableGroup holder = group.putGroup(optimizer.name());
        for (int i = 0; i < names.size(); i++) {
            holder.putDataset(names.get(i), values.get(i));
        }
    }

    /** Keras 3's path of a layer variable in a Sequential model: {@code sequential/dense/kernel}. */
    private static String variablePath(ModelDescription model, Parameter p) {
        return model.name() + "/" + p.name();
    }
}
