package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.keras4j.engine.LayerStack;
import io.github.keras4j.layers.Parameter;
import io.github.keras4j.optimizers.Adam;
import io.github.keras4j.optimizers.Nadam;
import io.github.keras4j.optimizers.Optimizer;
import io.github.keras4j.optimizers.SGD;
import io.github.keras4j.optimizers.schedules.ExponentialDecay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.github.keras4j.saving.OptimizerFiles.assertResumesExactly;
import static io.github.keras4j.saving.OptimizerFiles.assertSameState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * Optimizers of legacy HDF5 models ({@code model.save("model.h5")}): tf.keras 2.11-2.15 name the class
 * {@code Custom>Adam} in {@code training_config} and store {@code optimizer_weights} as {@code Adam/iteration:0},
 * {@code Adam/m/dense/kernel:0}, ... (tf_keras/optimizers/optimizer.py: {@code add_variable_from_reference} names a
 * slot {@code <slot>/<variable>} in the optimizer's name scope); Keras 3 writes its own class names and
 * {@code adam/iteration}, {@code adam/learning_rate}, {@code adam/sequential_dense_kernel_momentum}, ... (as the
 * corpus' Keras 3.10 file shows). Each file is built here from a keras4j save, loaded to the right optimizer and
 * state, and saved back by keras4j so that training resumes bit for bit.
 */
class LegacyOptimizerWeightsTest {
    private static final String[] LAYERS = {"dense", "dense_1"};
    private static final String[] VARIABLES = {"kernel", "bias"};

    @TempDir
    Path dir;

    /** The {@code training_config} optimizer of tf.keras 2.11-2.15: the tf.keras config, class Custom>..., no module. */
    private static ObjectNode customConfig(Path keras) throws Exception {
        ObjectNode config = (ObjectNode) OptimizerFiles.MAPPER.readTree(StructureTest.entry(keras, KerasArchive.CONFIG));
        ObjectNode optimizer = (ObjectNode) config.get("compile_config").get("optimizer");
        OptimizerFileFormsTest.tfKerasConfig(optimizer);
        ObjectNode legacy = OptimizerFiles.MAPPER.createObjectNode();
        legacy.put("class_name", OptimizerConfigs.CUSTOM_PREFIX + optimizer.get("class_name").asText());
        legacy.set("config", optimizer.get("config"));
        return legacy;
    }

    /** tf.keras 2.11-2.15's names: the step count, then each variable's slots in build order, per variable. */
    private static List<String> tfKerasNames(String scope, List<String> slotsPerVariable) {
        List<String> names = new ArrayList<>(List.of(scope + "/iteration:0"));
        for (String layer : LAYERS) {
            for (String variable : VARIABLES) {
                slotsPerVariable.forEach(slot -> names.add(scope + "/" + slot + "/" + layer + "/" + variable + ":0"));
            }
        }
        return names;
    }

    private ModelDescription loadAndCheck(Path h5, Optimizer original, LayerStack stack) {
        ModelDescription loaded = Saving.loadModel(h5);
        List<Parameter> params = KerasWeights.parameters(stack.layers());
        assertSameState(original, params, loaded.compile().optimizer(), KerasWeights.parameters(loaded.layers()));
        Path again = dir.resolve("again.keras");
        Saving.saveModel(loaded, again);
        ModelDescription reloaded = Saving.loadModel(again);
        assertSameState(original, params, reloaded.compile().optimizer(), KerasWeights.parameters(reloaded.layers()));
        return reloaded;
    }

    @Test
    void tfKerasCustomAdamLoadsWithItsState() throws Exception {
        Adam adam = new Adam(0.01, 0.8, 0.99, 1e-6);
        Path keras = dir.resolve("adam.keras");
        LayerStack stack = OptimizerFiles.trainAndSave(adam, 3, keras);
        List<Object> vars = new ArrayList<>(OptimizerFiles.optimizerVars(keras));
        vars.remove(1); // no learning_rate variable in tf.keras
        Path h5 = dir.resolve("adam-tfk215.h5");
        OptimizerFiles.legacyH5(keras, h5, "2.15.0", customConfig(keras), tfKerasNames("Adam", List.of("m", "v")), vars);

        ModelDescription loaded = loadAndCheck(h5, adam, stack);
        assertEquals(0.8, assertInstanceOf(Adam.class, loaded.compile().optimizer()).beta1());
        assertResumesExactly(stack, adam, loaded);
    }

    @Test
    void tfKerasCustomSgdWithoutMomentumStoresMomentumsThatAreReadPast() throws Exception {
        SGD sgd = new SGD(0.1);
        Path keras = dir.resolve("sgd.keras");
        LayerStack stack = OptimizerFiles.trainAndSave(sgd, 3, keras);
        List<Object> vars = OptimizerFiles.tfKerasSgdVars(stack, 3, -0.01f);
        Path h5 = dir.resolve("sgd-tfk215.h5");
        OptimizerFiles.legacyH5(keras, h5, "2.13.1", customConfig(keras), tfKerasNames("SGD", List.of("m")), vars);

        assertResumesExactly(stack, sgd, loadAndCheck(h5, sgd, stack));
    }

    /** tf.keras 2.11-2.15 keep Nadam's u_product out of the variables; keras4j multiplies it up again from iterations. */
    @Test
    void tfKerasCustomNadamGetsItsProductBackFromTheStepCount() throws Exception {
        Nadam nadam = new Nadam(0.01);
        Path keras = dir.resolve("nadam.keras");
        LayerStack stack = OptimizerFiles.trainAndSave(nadam, 5, keras);
        List<Object> vars = new ArrayList<>(OptimizerFiles.optimizerVars(keras));
        vars.remove(vars.size() - 1);
        vars.remove(1);
        Path h5 = dir.resolve("nadam-tfk215.h5");
        OptimizerFiles.legacyH5(keras, h5, "2.15.0", customConfig(keras), tfKerasNames("Nadam", List.of("m", "v")), vars);

        assertResumesExactly(stack, nadam, loadAndCheck(h5, nadam, stack));
    }

    /** A schedule in a legacy file is the schedule's class dict without module. */
    @Test
    void tfKerasScheduleInAnHdf5File() throws Exception {
        Adam adam = new Adam(new ExponentialDecay(0.02, 2, 0.9));
        Path keras = dir.resolve("scheduled.keras");
        LayerStack stack = OptimizerFiles.trainAndSave(adam, 3, keras);
        ObjectNode config = customConfig(keras);
        ObjectNode schedule = (ObjectNode) config.get("config").get("learning_rate");
        schedule.remove("module");
        schedule.remove("registered_name");
        Path h5 = dir.resolve("scheduled-tfk215.h5");
        OptimizerFiles.legacyH5(keras, h5, "2.15.0", config, tfKerasNames("Adam", List.of("m", "v")), OptimizerFiles.optimizerVars(keras));

        assertResumesExactly(stack, adam, loadAndCheck(h5, adam, stack));
    }

    /** Keras 3's legacy HDF5 names its variables by path and keeps the learning_rate variable, as the corpus' k3100 file. */
    @Test
    void keras3LegacyFileLoadsWithItsState() throws Exception {
        Adam adam = new Adam(0.01, 0.9, 0.999, 1e-7, true);
        Path keras = dir.resolve("adam.keras");
        LayerStack stack = OptimizerFiles.trainAndSave(adam, 3, keras);
        List<String> names = new ArrayList<>(List.of("adam/iteration", "adam/learning_rate"));
        for (String slot : List.of("momentum/velocity", "velocity_hat")) {
            for (String layer : LAYERS) {
                for (String variable : VARIABLES) {
                    for (String s : slot.split("/")) {
                        names.add("adam/sequential_" + layer + "_" + variable + "_" + s);
                    }
                }
            }
        }
        ObjectNode config = (ObjectNode) OptimizerFiles.MAPPER.readTree(StructureTest.entry(keras, KerasArchive.CONFIG))
                .get("compile_config").get("optimizer");
        config.remove("module");
        config.remove("registered_name");
        Path h5 = dir.resolve("adam-k310.h5");
        OptimizerFiles.legacyH5(keras, h5, "3.10.0", config, names, OptimizerFiles.optimizerVars(keras));

        assertResumesExactly(stack, adam, loadAndCheck(h5, adam, stack));
    }

    /** tf.keras 2.10 and earlier (OptimizerV2, step count "iter", slots by kind) keep the old behaviour: a fresh optimizer. */
    @Test
    void optimizerV2StateLeavesTheOptimizerFresh() throws Exception {
        Adam adam = new Adam(0.01);
        Path keras = dir.resolve("adam.keras");
        OptimizerFiles.trainAndSave(adam, 3, keras);
        List<String> names = new ArrayList<>(List.of("Adam/iter:0"));
        List<Object> vars = new ArrayList<>(List.of(3L));
        List<Object> stored = OptimizerFiles.optimizerVars(keras);
        for (String slot : List.of("m", "v")) {
            for (int p = 0; p < 4; p++) {
                names.add("Adam/" + LAYERS[p / 2] + "/" + VARIABLES[p % 2] + "/" + slot + ":0");
                vars.add(stored.get(2 + 2 * p + (slot.equals("m") ? 0 : 1)));
            }
        }
        ObjectNode config = OptimizerFiles.MAPPER.createObjectNode().put("class_name", "Adam");
        config.set("config", OptimizerFiles.MAPPER.createObjectNode().put("name", "Adam").put("learning_rate", 0.01).put("decay", 0.0)
                .put("beta_1", 0.9).put("beta_2", 0.999).put("epsilon", 1e-7).put("amsgrad", false));
        Path h5 = dir.resolve("adam-tfk210.h5");
        OptimizerFiles.legacyH5(keras, h5, "2.10.0", config, names, vars);

        Optimizer read = Saving.loadModel(h5).compile().optimizer();
        assertEquals(0.01, read.learningRate());
        assertEquals(0, read.iterations(), "OptimizerV2 state is not restored");
    }
}
