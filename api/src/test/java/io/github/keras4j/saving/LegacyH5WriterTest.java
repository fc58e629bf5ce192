package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.keras4j.engine.LayerStack;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Dropout;
import io.github.keras4j.layers.Flatten;
import io.github.keras4j.losses.CategoricalCrossentropy;
import io.github.keras4j.optimizers.Adam;
import io.github.keras4j.random.SeedGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code save("model.h5")} writes the legacy Keras HDF5 model: it loads back bit for bit, and h5py sees Keras'
 * layout in it (compared with the layout of {@code cnn-conv2d-legacy.h5}, a file Keras 3.13 wrote).
 */
class LegacyH5WriterTest {
    @TempDir
    Path dir;

    /** Flatten(28, 28) -> Dense(32, relu) -> Dropout -> Dense(10, softmax), Adam, trained 3 steps. */
    private static ModelDescription trained() {
        SeedGenerator.setGlobalSeed(21);
        LayerStack stack = TestModels.stack(List.of(new Flatten().inputShape(28, 28), new Dense(32, "relu"), new Dropout(0.2),
                new Dense(10, "softmax")));
        Adam adam = new Adam();
        CategoricalCrossentropy loss = new CategoricalCrossentropy();
        float[] oneHot = new float[16 * 10];
        for (int i = 0; i < 16; i++) {
            oneHot[i * 10 + i % 10] = 1;
        }
        TestModels.train(stack, loss, adam, TestModels.inputs(3, 16, 28, 28),
                org.nd4j.linalg.factory.Nd4j.create(oneHot, new long[] {16, 10}, org.nd4j.linalg.api.buffer.DataType.FLOAT), 3, 16);
        return TestModels.describe(stack, adam, loss, "accuracy");
    }

    @Test
    void anH5NameWritesTheLegacyFormatAndItLoadsBackBitForBit() throws IOException {
        ModelDescription model = trained();
        Path file = dir.resolve("model.h5");
        Saving.saveModel(model, file);

        byte[] head = Files.readAllBytes(file);
        assertEquals((byte) 0x89, head[0]);
        assertEquals('H', head[1]); // an HDF5 file, not a zip under an .h5 name
        ModelDescription loaded = Saving.loadModel(file);
        assertEquals(List.of("flatten", "dense", "dropout", "dense_1"), loaded.layers().stream().map(l -> l.name()).toList());
        RoundTripTest.assertWeightsEqual(model.layers(), loaded.layers());
        assertInstanceOf(Adam.class, loaded.compile().optimizer());
        assertInstanceOf(CategoricalCrossentropy.class, loaded.compile().loss());
        assertEquals(List.of("accuracy"), loaded.compile().metrics());
        assertEquals(model.inputShape(), loaded.inputShape());
        // optimizer_weights, in Keras 3's order, come back too: the step count and every slot, bit for bit
        assertEquals(3, loaded.compile().optimizer().iterations());
        List<io.github.keras4j.layers.Parameter> saved = KerasWeights.parameters(model.layers());
        List<io.github.keras4j.layers.Parameter> back = KerasWeights.parameters(loaded.layers());
        for (int i = 0; i < saved.size(); i++) {
            float[][] a = model.compile().optimizer().slotsOf(saved.get(i));
            float[][] b = loaded.compile().optimizer().slotsOf(back.get(i));
            for (int k = 0; k < a.length; k++) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(a[k], b[k], 0f, saved.get(i).name() + " slot " + k);
            }
        }

        Path hdf5 = dir.resolve("model.hdf5");
        Saving.saveModel(model, hdf5);
        RoundTripTest.assertWeightsEqual(model.layers(), Saving.loadModel(hdf5).layers());
    }

    @Test
    void otherNamesAreRefusedNamingBothExtensions() {
        ModelDescription model = trained();
        for (String name : List.of("model", "model.zip", "model.keras.bak", "model.H5")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Saving.saveModel(model, dir.resolve(name)));
            assertEquals("Cannot save model 'sequential' as '" + dir.resolve(name) + "': the file name must end in .keras (Keras 3's"
                    + " format, recommended) or .h5 (the legacy Keras HDF5 format), as Keras 3 requires. Use e.g. '" + name
                    + ".keras'.", e.getMessage());
        }
        assertEquals(List.of(), listing());
    }

    private static final String H5PY_LAYOUT = String.join("\n",
            "import sys, json, h5py",
            "def text(v):",
            "    return v.decode('utf8') if hasattr(v, 'decode') else str(v)",
            "def names(group, attr):",
            "    return [text(n) for n in group.attrs[attr]] if attr in group.attrs else []",
            "with h5py.File(sys.argv[1], 'r') as f:",
            "    out = {'root': sorted(f.attrs.keys()), 'model_weights': sorted(f['model_weights'].attrs.keys())}",
            "    mw = f['model_weights']",
            "    layer_names = names(mw, 'layer_names')",
            "    out['groups'] = sorted(mw.keys())",
            "    layers = []",
            "    for name in layer_names:",
            "        wn = names(mw[name], 'weight_names')",
            "        layers.append([name, [[w.split('/', 1)[1], list(mw[name][w].shape), str(mw[name][w].dtype)] for w in wn]])",
            "    out['layers'] = layers",
            "    config = json.loads(text(f.attrs['model_config']))",
            "    out['model_config'] = [config['class_name'], sorted(config['config'].keys()),",
            "        [[sorted(l.keys()), l['class_name']] for l in config['config']['layers']]]",
            "    training = json.loads(text(f.attrs['training_config'])) if 'training_config' in f.attrs else {}",
            "    out['training_config'] = sorted(training.keys())",
            "    out['optimizer_config'] = sorted(training.get('optimizer_config', {}).keys())",
            "    ow = f['optimizer_weights'] if 'optimizer_weights' in f else None",
            "    out['optimizer_weights'] = [] if ow is None else [[n.split('/')[-1] in ('iteration', 'learning_rate')",
            "        or n.split('/')[-1].endswith(('_momentum', '_velocity')), list(ow[n].shape)] for n in names(ow, 'weight_names')]",
            "    first = [n for n in layer_names if names(mw[n], 'weight_names')][0]",
            "    out['first_kernel'] = [float(v) for v in mw[first][names(mw[first], 'weight_names')[0]][()].ravel()[:3]]",
            "print(json.dumps(out, sort_keys=True))");

    @Test
    void h5pyFindsKerasLayoutInIt() throws Exception {
        String python = H5py.python();
        ModelDescription model = trained();
        Path ours = dir.resolve("ours.h5");
        Saving.saveModel(model, ours);
        Path script = Files.writeString(dir.resolve("layout.py"), H5PY_LAYOUT);
        JsonNode mine = new ObjectMapper().readTree(H5py.run(python, script.toString(), ours.toString()));

        assertEquals("[\"backend\",\"keras_version\",\"model_config\",\"training_config\"]", mine.get("root").toString());
        assertEquals("[\"backend\",\"keras_version\",\"layer_names\"]", mine.get("model_weights").toString());
        assertEquals("[\"dense\",\"dense_1\",\"dropout\",\"flatten\",\"top_level_model_weights\"]", mine.get("groups").toString());
        assertEquals("[[\"flatten\",[]],[\"dense\",[[\"dense/kernel\",[784,32],\"float32\"],[\"dense/bias\",[32],\"float32\"]]],"
                + "[\"dropout\",[]],[\"dense_1\",[[\"dense_1/kernel\",[32,10],\"float32\"],[\"dense_1/bias\",[10],\"float32\"]]]]",
                mine.get("layers").toString());
        assertEquals("[\"Sequential\",[\"build_input_shape\",\"dtype\",\"layers\",\"name\",\"trainable\"],[[[\"class_name\",\"config\"],"
                + "\"InputLayer\"],[[\"class_name\",\"config\"],\"Flatten\"],[[\"class_name\",\"config\"],\"Dense\"],"
                + "[[\"class_name\",\"config\"],\"Dropout\"],[[\"class_name\",\"config\"],\"Dense\"]]]", mine.get("model_config").toString());
        assertEquals("[\"jit_compile\",\"loss\",\"loss_weights\",\"metrics\",\"optimizer_config\",\"run_eagerly\","
                + "\"steps_per_execution\",\"weighted_metrics\"]", mine.get("training_config").toString());
        assertEquals("[\"class_name\",\"config\"]", mine.get("optimizer_config").toString());
        assertEquals(2 + 4 * 2, mine.get("optimizer_weights").size(), "iteration, learning_rate, momentum and velocity per variable");
        mine.get("optimizer_weights").forEach(w -> assertTrue(w.get(0).asBoolean(), "named as Keras names them: " + mine));
        float[] kernel = model.layers().get(1).weights().get(0).value().dup('c').data().asFloat();
        for (int i = 0; i < 3; i++) {
            assertEquals(kernel[i], (float) mine.get("first_kernel").get(i).asDouble(), "h5py reads the values keras4j wrote");
        }

        // The same keys, groups and per-layer layout in the file Keras 3.13 wrote (a CNN, so its layers differ).
        JsonNode keras = new ObjectMapper().readTree(H5py.run(python, script.toString(), Fixtures.file("cnn-conv2d-legacy.h5").toString()));
        for (String key : List.of("root", "model_weights", "training_config", "optimizer_config")) {
            assertEquals(keras.get(key), mine.get(key), key);
        }
        assertEquals(keras.get("model_config").get(1), mine.get("model_config").get(1), "the model config's keys");
        keras.get("model_config").get(2).forEach(l -> assertEquals("[\"class_name\",\"config\"]", l.get(0).toString()));
        assertTrue(keras.get("groups").toString().contains("top_level_model_weights"));
        keras.get("optimizer_weights").forEach(w -> assertTrue(w.get(0).asBoolean(), keras.toString()));
    }

    private List<Path> listing() {
        try (var files = Files.list(dir)) {
            return new ArrayList<>(files.toList());
        } catch (IOException e) {
            return fail(e);
        }
    }


}
