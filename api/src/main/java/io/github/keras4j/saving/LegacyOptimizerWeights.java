package io.github.keras4j.saving;

import io.jhdf.api.Dataset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The optimizer state of a legacy HDF5 model ({@code model.save("model.h5")} of tf.keras 2.11-2.15 and Keras 3):
 * the group {@code optimizer_weights}, whose attribute {@code weight_names} lists the optimizer's variables in the
 * order of {@code optimizer.variables}, the order a {@code .keras} file numbers them in ({@code Adam/iteration:0},
 * {@code Adam/m/dense/kernel:0}, ... in tf.keras; {@code adam/iteration}, {@code adam/learning_rate},
 * {@code adam/sequential_dense_kernel_momentum}, ... in Keras 3). They are read as {@link OptimizerVariables} reads
 * {@code optimizer/vars}.
 *
 * <p>Files of tf.keras 2.10 and earlier hold the state of the older {@code OptimizerV2}, which orders its slots
 * differently and folds its {@code decay} into the rate; its step variable is named {@code iter} instead of
 * {@code iteration}. Their optimizer starts fresh, as before.
 */
final class LegacyOptimizerWeights {
    static final String GROUP = "optimizer_weights";

    private LegacyOptimizerWeights() {
    }

    /** Restores the optimizer of a compiled {@code model} from the file's {@code optimizer_weights}, if it has any. */
    static void restore(H5Tree tree, ModelDescription model) {
        if (model.compile() == null || !tree.hasGroup(GROUP)) {
            return;
        }
        List<String> names = tree.stringAttribute(GROUP, "weight_names");
        if (names == null || names.isEmpty() || isOptimizerV2(names.get(0))) {
            return;
        }
        Map<String, Dataset> vars = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String path = H5Tree.normalize(GROUP + "/" + names.get(i));
            Dataset d = tree.dataset(path);
            if (d == null) {
                throw new IllegalArgumentException(path + " is listed in the weight_names of " + GROUP + " but missing from the file");
            }
            vars.put(String.valueOf(i), d);
        }
        if (CompileConfigs.optimizerStateRestorable(model.compile(), vars.size(), GROUP)) {
            OptimizerVariables.restore(model.compile().optimizer(), KerasWeights.parameters(model.layers()), vars, GROUP);
        }
    }

    /** OptimizerV2 (tf.keras 2.10 and earlier) names its step count {@code iter}, the newer optimizers {@code iteration}. */
    static boolean isOptimizerV2(String firstName) {
        String name = firstName.endsWith(":0") ? firstName.substring(0, firstName.length() - 2) : firstName;
        return name.equals("iter") || name.endsWith("/iter");
    }
}
