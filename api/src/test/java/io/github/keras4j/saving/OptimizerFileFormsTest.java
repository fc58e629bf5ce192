package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.keras4j.engine.LayerStack;
import io.github.keras4j.layers.Parameter;
import io.github.keras4j.optimizers.Adadelta;
import io.github.keras4j.optimizers.Adagrad;
import io.github.keras4j.optimizers.Adam;
import io.github.keras4j.optimizers.AdamW;
import io.github.keras4j.optimizers.Adamax;
import io.github.keras4j.optimizers.Nadam;
import io.github.keras4j.optimizers.Optimizer;
import io.github.keras4j.optimizers.RMSprop;
import io.github.keras4j.optimizers.SGD;
import io.github.keras4j.optimizers.schedules.CosineDecay;
import io.github.keras4j.optimizers.schedules.ExponentialDecay;
import io.github.keras4j.optimizers.schedules.PiecewiseConstantDecay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static io.github.keras4j.saving.OptimizerFiles.assertResumesExactly;
import static io.github.keras4j.saving.OptimizerFiles.assertSameState;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every optimizer, option and schedule in the {@code .keras} forms of Keras 3 and tf.keras 2.11-2.15: the variables
 * under {@code optimizer/vars} in the order each Keras version creates them (written out below from each optimizer's
 * {@code build} in keras/src/optimizers/*.py), loaded to the right optimizer and state, and saved back by keras4j
 * so that training resumes bit for bit.
 */
class OptimizerFileFormsTest {
    @TempDir
    Path dir;

    static Stream<Arguments> optimizers() {
        return Stream.of(
                a("SGD", () -> new SGD(0.1)),
                a("SGD momentum nesterov", () -> new SGD(0.05, 0.9, true)),
                a("Adam amsgrad", () -> new Adam(0.01, 0.9, 0.999, 1e-7, true)),
                a("AdamW", () -> new AdamW(0.01)),
                a("AdamW amsgrad, no bias decay", () -> new AdamW(0.01, 0.1, 0.9, 0.99, 1e-6, true).excludeFromWeightDecay("bias")),
                a("Nadam", () -> new Nadam(0.01)),
                a("Adamax", () -> new Adamax(0.02)),
                a("Adadelta", () -> new Adadelta(1.0)),
                a("RMSprop clipnorm", () -> new RMSprop(0.01).clipnorm(0.5)),
                a("Adagrad global_clipnorm weight decay", () -> new Adagrad(0.1).globalClipnorm(1.0).weightDecay(0.01)),
                a("SGD clipvalue", () -> new SGD(0.1, 0.5, false).clipvalue(0.2)),
                a("Adam ExponentialDecay", () -> new Adam(new ExponentialDecay(0.01, 2, 0.5))),
                a("Nadam CosineDecay warmup", () -> new Nadam(new CosineDecay(0.0, 10).withWarmup(0.01, 2))),
                a("Adadelta PiecewiseConstantDecay", () -> new Adadelta(new PiecewiseConstantDecay(new long[] {1}, new double[] {1.0, 0.5}))));
    }

    private static Arguments a(String name, Supplier<Optimizer> optimizer) {
        return Arguments.of(name, optimizer);
    }

    /**
     * What Keras 3 stores for {@code o}, variable by variable: {@code iterations}, {@code learning_rate} unless a
     * schedule gives it, the slots in {@code build}'s order, and Nadam's {@code u_product} after them (Keras 3.10 on).
     */
    static List<String> keras3Order(Optimizer o, List<Parameter> params) {
        List<String> out = new ArrayList<>(List.of("iterations"));
        if (o.learningRateSchedule() == null) {
            out.add("learning_rate");
        }
        if (o instanceof RMSprop || o instanceof Adagrad || o instanceof SGD) {
            for (String slot : o.slotNames()) { // RMSprop: all velocities, then momentums, then average gradients
                params.forEach(p -> out.add(slot + " " + p.name()));
            }
        } else {
            List<String> together = o instanceof Adam a && a.amsgrad() ? List.of("momentum", "velocity") : o.slotNames();
            params.forEach(p -> together.forEach(slot -> out.add(slot + " " + p.name())));
            if (o instanceof Adam a && a.amsgrad()) {
                params.forEach(p -> out.add("velocity_hat " + p.name()));
            }
        }
        if (o instanceof Nadam) {
            out.add("u_product");
        }
        return out;
    }

    /** The value keras4j's state holds for one entry of {@link #keras3Order}. */
    private static Object stateOf(Optimizer o, List<Parameter> params, String entry) {
        switch (entry) {
            case "iterations":
                return o.iterations();
            case "learning_rate":
                return (float) o.learningRate();
            case "u_product":
                return ((Nadam) o).uProduct();
            default:
                String[] parts = entry.split(" ");
                Parameter p = params.stream().filter(q -> q.name().equals(parts[1])).findFirst().orElseThrow();
                return o.slotsOf(p)[o.slotNames().indexOf(parts[0])];
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void keras4jWritesKeras3sOrderAndReadsItBackBitForBit(String name, Supplier<Optimizer> optimizers) throws Exception {
        Optimizer optimizer = optimizers.get();
        Path file = dir.resolve("model.keras");
        LayerStack stack = OptimizerFiles.trainAndSave(optimizer, 3, file);
        List<Parameter> params = KerasWeights.parameters(stack.layers());

        List<String> order = keras3Order(optimizer, params);
        List<Object> stored = OptimizerFiles.optimizerVars(file);
        assertEquals(order.size(), stored.size(), "variables " + order);
        for (int i = 0; i < order.size(); i++) {
            Object expected = stateOf(optimizer, params, order.get(i));
            if (expected instanceof float[] slot) {
                assertArrayEquals(slot, flat(stored.get(i)), "optimizer/vars/" + i + " is the " + order.get(i));
            } else {
                assertEquals(expected, stored.get(i), "optimizer/vars/" + i + " is the " + order.get(i));
            }
        }

        ModelDescription loaded = Saving.loadModel(file);
        assertSameState(optimizer, params, loaded.compile().optimizer(), KerasWeights.parameters(loaded.layers()));
        assertEquals(List.of(), loaded.compile().optimizer().excludedFromWeightDecay(), "exclusions are not part of a Keras config");
        if (optimizer.excludedFromWeightDecay().isEmpty()) { // with exclusions the loaded optimizer decays every parameter, as Keras'
            assertResumesExactly(stack, optimizer, loaded);
        }
    }

    /** Keras 3.0-3.9 create Nadam's u_product before the slots (in build, ahead of the momentum loop). */
    @Test
    void nadamOfKeras3BeforeVersion310HasItsProductBeforeTheSlots() throws Exception {
        Nadam nadam = new Nadam(0.01);
        Path file = dir.resolve("nadam.keras");
        LayerStack stack = OptimizerFiles.trainAndSave(nadam, 4, file);
        List<Object> vars = OptimizerFiles.optimizerVars(file);
        List<Object> older = new ArrayList<>(vars.subList(0, 2));
        older.add(vars.get(vars.size() - 1)); // u_product third
        older.addAll(vars.subList(2, vars.size() - 1));
        Path k39 = dir.resolve("nadam-k39.keras");
        OptimizerFiles.rewrite(file, k39, config -> { }, older);

        ModelDescription loaded = Saving.loadModel(k39);
        assertSameState(nadam, KerasWeights.parameters(stack.layers()), loaded.compile().optimizer(), KerasWeights.parameters(loaded.layers()));
        Path again = dir.resolve("again.keras");
        Saving.saveModel(loaded, again);
        assertEquals(vars.get(vars.size() - 1), OptimizerFiles.optimizerVars(again).get(vars.size() - 1), "written back in the current order");
        assertResumesExactly(stack, nadam, loaded);
    }

    /** tf.keras 2.11-2.15 store no learning_rate variable; the config is the tf.keras form (jit_compile, is_legacy_optimizer). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("tfKerasOptimizers")
    void tfKeras215FilesHaveNoLearningRateVariable(String name, Supplier<Optimizer> optimizers) throws Exception {
        Optimizer optimizer = optimizers.get();
        Path file = dir.resolve("model.keras");
        LayerStack stack = OptimizerFiles.trainAndSave(optimizer, 3, file);
        List<Object> vars = new ArrayList<>(OptimizerFiles.optimizerVars(file));
        vars.remove(1); // learning_rate
        if (optimizer instanceof Nadam) {
            vars.remove(vars.size() - 1); // tf.keras keeps u_product out of its variables
        }
        Path tfk = dir.resolve("tfk215.keras");
        OptimizerFiles.rewrite(file, tfk, config -> tfKerasConfig((ObjectNode) config.get("compile_config").get("optimizer")), vars);

        ModelDescription loaded = Saving.loadModel(tfk);
        assertSameState(optimizer, KerasWeights.parameters(stack.layers()), loaded.compile().optimizer(), KerasWeights.parameters(loaded.layers()));
        assertResumesExactly(stack, optimizer, loaded);
    }

    static Stream<Arguments> tfKerasOptimizers() {
        return Stream.of(a("Adam", () -> new Adam(0.01)), a("SGD momentum", () -> new SGD(0.05, 0.9, false)),
                a("RMSprop centered", () -> new RMSprop(0.01, 0.9, 0.5, 1e-7, true)), a("Nadam", () -> new Nadam(0.01)),
                a("AdamW", () -> new AdamW(0.01)), a("Adadelta", () -> new Adadelta(1.0)));
    }

    /**
     * tf.keras 2.15's optimizer config (tf_keras/optimizers/optimizer.py {@code get_config}): name (the class name),
     * weight_decay, the clipping and EMA keys, jit_compile, is_legacy_optimizer, then learning_rate and the class's own
     * options; no loss_scale_factor or gradient_accumulation_steps.
     */
    static void tfKerasConfig(ObjectNode optimizer) {
        ObjectNode keras3 = (ObjectNode) optimizer.get("config");
        ObjectNode config = OptimizerFiles.MAPPER.createObjectNode();
        config.put("name", optimizer.get("class_name").asText());
        for (String key : List.of("weight_decay", "clipnorm", "global_clipnorm", "clipvalue", "use_ema", "ema_momentum", "ema_overwrite_frequency")) {
            config.set(key, keras3.get(key));
        }
        config.put("jit_compile", false);
        config.put("is_legacy_optimizer", false);
        config.set("learning_rate", keras3.get("learning_rate"));
        List<String> base = List.of("name", "learning_rate", "weight_decay", "clipnorm", "global_clipnorm", "clipvalue", "use_ema",
                "ema_momentum", "ema_overwrite_frequency", "loss_scale_factor", "gradient_accumulation_steps");
        keras3.fieldNames().forEachRemaining(key -> {
            if (!base.contains(key)) {
                config.set(key, keras3.get(key));
            }
        });
        optimizer.set("config", config);
    }

    /**
     * tf.keras 2.11-2.15's SGD.build makes a momentum per variable whatever the momentum; with momentum 0 its update
     * {@code m = -g * lr + m * 0; w += m} leaves the last step's {@code -lr * g} there, which no later step reads.
     */
    @Test
    void tfKerasSgdFilesStoreMomentumSlotsEvenWithoutMomentum() throws Exception {
        SGD sgd = new SGD(0.1);
        Path file = dir.resolve("sgd.keras");
        LayerStack stack = OptimizerFiles.trainAndSave(sgd, 3, file);
        List<Object> vars = OptimizerFiles.tfKerasSgdVars(stack, 3, -0.0123f);
        Path tfk = dir.resolve("sgd-tfk215.keras");
        OptimizerFiles.rewrite(file, tfk, config -> tfKerasConfig((ObjectNode) config.get("compile_config").get("optimizer")), vars);

        ModelDescription loaded = Saving.loadModel(tfk);
        SGD read = assertInstanceOf(SGD.class, loaded.compile().optimizer());
        assertEquals(3, read.iterations());
        assertEquals(0.0, read.momentum());
        assertEquals(List.of(), read.slotNames(), "the unused momentums are read past");
        Path again = dir.resolve("again.keras");
        Saving.saveModel(loaded, again);
        assertEquals(List.of(3L, 0.1f), OptimizerFiles.optimizerVars(again), "written back as Keras 3 writes SGD(): iterations, learning_rate");
        assertResumesExactly(stack, sgd, loaded);
    }

    /** A schedule has no learning_rate variable in Keras 3: the count alone would look like a tf.keras file. */
    @Test
    void aScheduleDrivenOptimizerResumesWhereTheScheduleWas() throws Exception {
        ExponentialDecay decay = new ExponentialDecay(0.05, 2, 0.5, true);
        SGD sgd = new SGD(decay);
        Path file = dir.resolve("scheduled.keras");
        LayerStack stack = OptimizerFiles.trainAndSave(sgd, 5, file);
        assertEquals(List.of(5L), OptimizerFiles.optimizerVars(file));
        ModelDescription loaded = Saving.loadModel(file);
        Optimizer read = loaded.compile().optimizer();
        assertEquals(decay, read.learningRateSchedule());
        assertEquals(0.05 * 0.25, read.learningRate(), "floor(5 / 2) = 2 halvings");
        assertResumesExactly(stack, sgd, loaded);
    }

    @Test
    void stateOfAnotherModelIsRefusedNamingWhatWasExpected() throws Exception {
        Path file = dir.resolve("adam.keras");
        OptimizerFiles.trainAndSave(new Adam(0.01), 2, file);
        List<Object> vars = OptimizerFiles.optimizerVars(file);
        Path fewer = dir.resolve("fewer.keras");
        OptimizerFiles.rewrite(file, fewer, config -> { }, vars.subList(0, 8));
        assertEquals("Cannot load file '" + fewer + "': the optimizer 'adam' has 8 variables at model.weights.h5 optimizer/vars but this"
                + " model needs 10 (Keras 3) or 9 (tf.keras 2.11-2.15): iterations, learning_rate (Keras 3), 4 parameters x 2 slots"
                + " [momentum, velocity]; the optimizer state does not belong to this model",
                assertThrows(ModelFileException.class, () -> Saving.loadModel(fewer)).getMessage());
        // 9 variables: tf.keras' count, but the learning rate stands where tf.keras keeps the first momentum.
        Path nine = dir.resolve("nine.keras");
        OptimizerFiles.rewrite(file, nine, config -> { }, vars.subList(0, 9));
        assertEquals("Cannot load file '" + nine + "': model.weights.h5 optimizer/vars/1 (momentum of dense/kernel) has shape () but"
                + " dense/kernel has shape (4, 5)", assertThrows(ModelFileException.class, () -> Saving.loadModel(nine)).getMessage());
    }

    private static float[] flat(Object nested) {
        if (nested instanceof float[] f) {
            return f;
        }
        List<Float> out = new ArrayList<>();
        collect(nested, out);
        float[] a = new float[out.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = out.get(i);
        }
        return a;
    }

    private static void collect(Object o, List<Float> out) {
        if (o instanceof float[] f) {
            for (float v : f) {
                out.add(v);
            }
        } else {
            for (Object e : (Object[]) o) {
                collect(e, out);
            }
        }
    }


}
