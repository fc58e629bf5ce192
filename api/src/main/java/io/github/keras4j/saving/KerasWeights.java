package io.github.keras4j.saving;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.layers.Layer;
import io.github.keras4j.layers.Parameter;
import io.github.keras4j.layers.Shape;
import io.jhdf.api.Dataset;
import io.jhdf.api.WritableGroup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keras 3's weights layout ({@code model.weights.h5} inside a {@code .keras} archive, and {@code .weights.h5}
 * files): {@code layers/<name>/vars/0, 1, ...} holding each layer's variables in Keras' order (kernel, then
 * bias), and {@code optimizer/vars/0, 1, ...} holding the optimizer's state ({@link OptimizerVariables}).
 *
 * <p>{@code <name>} is the snake-case class name made unique in order ({@code dense}, {@code dense_1}, ...),
 * not the layer's own name: Keras addresses layers this way because user names are not reproducible. Each
 * {@code vars} group carries the object's name as attribute {@code name}, as Keras 3 writes it.
 *
 * <p>Keras also writes empty {@code vars} groups for objects without variables (Flatten, the model itself).
 * keras4j leaves them out: Keras reads a missing group as "no variables", and jHDF 0.13.0 corrupts a group
 * that has no dataset when it is written after the last dataset of the file (its closing info string is written
 * at the end of the last dataset's data, over that group's header).
 */
final class KerasWeights {
    private KerasWeights() {
    }

    /** Writes the variables of the model's layers and, when compiled, of its optimizer to a new HDF5 file. */
    static void write(ModelDescription model, Path h5) {
        H5Writing.write(h5, file -> {
            file.removeAttribute("_jHDF"); // jHDF's provenance attribute; Keras files have no root attributes
            List<String> paths = layerPaths(model.layers());
            WritableGroup layers = null;
            for (int i = 0; i < model.layers().size(); i++) {
                Layer layer = model.layers().get(i);
                if (layer.weights().isEmpty()) {
                    continue;
                }
                if (layers == null) {
                    layers = file.putGroup("layers");
                }
                WritableGroup vars = layers.putGroup(paths.get(i).substring("layers/".length())).putGroup("vars");
                vars.putAttribute("name", layer.name());
                List<Parameter> params = layer.weights();
                for (int v = 0; v < params.size(); v++) {
                    vars.putDataset(String.valueOf(v), H5Arrays.nested(params.get(v).value()));
                }
            }
            if (model.compile() != null) {
                WritableGroup vars = file.putGroup("optimizer").putGroup("vars");
                vars.putAttribute("name", model.compile().optimizer().name());
                List<Object> values = OptimizerVariables.values(model.compile().optimizer(), parameters(model.layers()));
                for (int v = 0; v < values.size(); v++) {
                    vars.putDataset(String.valueOf(v), values.get(v));
                }
            }
        });
    }

    /** Keras' paths of the layers' variable groups, without {@code /vars}: {@code layers/dense}, {@code layers/dense_1}. */
    static List<String> layerPaths(List<Layer> layers) {
        Map<String, Integer> used = new HashMap<>();
        List<String> paths = new ArrayList<>();
        for (Layer layer : layers) {
            String base = KerasJson.snakeCase(layer.typeName());
            Integer n = used.get(base);
            used.put(base, n == null ? 0 : n + 1);
            paths.add("layers/" + (n == null ? base : base + "_" + (n + 1)));
        }
        return paths;
    }

    /** The weights the optimizer trains, whose slots it keeps and saves: Keras' {@code model.trainable_weights}. */
    static List<Parameter> parameters(List<Layer> layers) {
        List<Parameter> all = new ArrayList<>();
        layers.forEach(l -> all.addAll(l.trainableWeights()));
        return all;
    }

    /**
     * Copies the file's variables into the model's built layers and, with {@code restoreOptimizer} and a
     * compiled model, into its optimizer. Every shape is checked before any value changes.
     *
     * @param where how messages name the weights, e.g. {@code model.weights.h5}
     */
    static void read(H5Tree tree, ModelDescription model, boolean restoreOptimizer, String where) {
        read(tree, model, restoreOptimizer, where, null);
    }

    /** As {@link #read(H5Tree, ModelDescription, boolean, String)}; NaN or infinite weights fail naming {@code source}, unless it is null. */
    static void read(H5Tree tree, ModelDescription model, boolean restoreOptimizer, String where, String source) {
        List<String> groups = variableGroups(tree, model.layers());
        List<Parameter> targets = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (int i = 0; i < model.layers().size(); i++) {
            Layer layer = model.layers().get(i);
            String group = groups.get(i);
            Map<String, Dataset> vars = tree.datasetsIn(group);
            List<Parameter> params = layer.weights();
            if (vars.size() != params.size()) {
                throw new IllegalArgumentException(layer.describe() + " has " + params.size() + " variables " + localNames(params)
                        + " but " + where + " has " + vars.size() + " at " + group + (vars.isEmpty() && params.size() > 0
                        ? "; the file holds " + summary(tree) : "") + ". The weights do not belong to this model.");
            }
            for (int v = 0; v < params.size(); v++) {
                Parameter p = params.get(v);
                Dataset d = vars.get(String.valueOf(v));
                String what = where + " " + group + "/" + v + " (" + p.localName() + " of " + layer.describe() + ")";
                if (d == null) {
                    throw new IllegalArgumentException(what + " is missing; found " + vars.keySet());
                }
                if (!H5Arrays.hasShape(d, p.value().shape())) {
                    throw new IllegalArgumentException(what + " has shape " + H5Arrays.shapeOf(d) + " but the layer expects "
                            + Shape.describe(p.value().shape()) + ". The weights do not belong to this model.");
                }
                targets.add(p);
                values.add(H5Arrays.readFloating(d, what));
            }
        }
        if (source != null) {
            FiniteWeights.require(model.layers(), targets, values, source);
        }
        if (restoreOptimizer && model.compile() != null) {
            Map<String, Dataset> optimizerVars = tree.datasetsIn("optimizer/vars");
            if (CompileConfigs.optimizerStateRestorable(model.compile(), optimizerVars.size(), where + " optimizer/vars")) {
                OptimizerVariables.restore(model.compile().optimizer(), parameters(model.layers()), optimizerVars, where + " optimizer/vars");
            }
        }
        for (int i = 0; i < targets.size(); i++) {
            NativeMemory.write(values.get(i), targets.get(i).value());
        }
    }

    /**
     * The {@code vars} group of each layer in {@code tree}: Keras 3's {@link #layerPaths}, else the layer's own
     * name (files that address layers by name). tf.keras 2.12 and 2.13 number the groups of one class with gaps
     * ({@code dense}, {@code dense_2}, {@code dense_4}: each layer is counted twice, keras-team/keras#18830); when
     * the groups of a class are not where Keras 3 puts them, the layers of that class that hold variables take the
     * file's groups of that class in the order of their numbers.
     */
    static List<String> variableGroups(H5Tree tree, List<Layer> layers) {
        List<String> paths = layerPaths(layers);
        List<String> groups = new ArrayList<>();
        Map<String, List<Integer>> unplaced = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            String group = paths.get(i) + "/vars";
            if (!tree.hasGroup(group) && tree.hasGroup("layers/" + layer.name() + "/vars")) {
                group = "layers/" + layer.name() + "/vars";
            }
            if (!tree.hasGroup(group) && !layer.weights().isEmpty()) {
                unplaced.computeIfAbsent(KerasJson.snakeCase(layer.typeName()), k -> new ArrayList<>()).add(i);
            }
            groups.add(group);
        }
        for (Map.Entry<String, List<Integer>> e : unplaced.entrySet()) {
            List<Integer> weighted = new ArrayList<>();
            for (int i = 0; i < layers.size(); i++) {
                if (!layers.get(i).weights().isEmpty() && KerasJson.snakeCase(layers.get(i).typeName()).equals(e.getKey())) {
                    weighted.add(i);
                }
            }
            List<String> stored = storedGroups(tree, e.getKey());
            if (stored.size() == weighted.size()) {
                for (int k = 0; k < weighted.size(); k++) {
                    groups.set(weighted.get(k), stored.get(k));
                }
            }
        }
        return groups;
    }

    /** The file's {@code layers/<base>[_n]/vars} groups that hold datasets, in the order of their numbers ({@code base} first). */
    private static List<String> storedGroups(H5Tree tree, String base) {
        Pattern name = Pattern.compile("layers/" + Pattern.quote(base) + "(?:_(\\d{1,9}))?/vars/[^/]+");
        TreeMap<Integer, String> numbered = new TreeMap<>();
        for (String path : tree.datasetPaths()) {
            Matcher m = name.matcher(path);
            if (m.matches()) {
                numbered.put(m.group(1) == null ? 0 : Integer.parseInt(m.group(1)), path.substring(0, path.lastIndexOf('/')));
            }
        }
        return new ArrayList<>(numbered.values());
    }

    private static List<String> localNames(List<Parameter> params) {
        List<String> names = new ArrayList<>();
        params.forEach(p -> names.add(p.localName()));
        return names;
    }

    private static String summary(H5Tree tree) {
        List<String> paths = tree.datasetPaths();
        String s = String.join(", ", paths.subList(0, Math.min(8, paths.size())));
        return paths.isEmpty() ? "no datasets" : s + (paths.size() > 8 ? ", ..." : "");
    }
}
