package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.keras4j.engine.LayerStack;
import io.github.keras4j.layers.Conv2D;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Flatten;
import io.github.keras4j.layers.MaxPooling2D;
import io.github.keras4j.losses.SparseCategoricalCrossentropy;
import io.github.keras4j.optimizers.Adam;
import io.github.keras4j.random.SeedGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A CNN keras4j trains saves to {@code .keras} and to legacy {@code .h5}, loads back bit for bit from both, and h5py
 * finds in the {@code .h5} the layout of {@code cnn-conv2d-legacy.h5}, the same architecture as Keras 3.13 wrote it.
 */
class ConvSavingTest {
    @TempDir
    Path dir;

    /** The fixture's architecture: Conv2D 32, MaxPooling2D, Conv2D 64, MaxPooling2D, Flatten, Dense 64 relu, Dense 10 softmax. */
    private static ModelDescription trained() {
        SeedGenerator.setGlobalSeed(8);
        LayerStack stack = TestModels.stack(List.of(new Conv2D(32, 3, "relu").inputShape(28, 28, 1), new MaxPooling2D(2),
                new Conv2D(64, 3, "relu"), new MaxPooling2D(2), new Flatten(), new Dense(64, "relu"), new Dense(10, "softmax")));
        Adam adam = new Adam();
        SparseCategoricalCrossentropy loss = new SparseCategoricalCrossentropy();
        TestModels.train(stack, loss, adam, TestModels.inputs(3, 8, 28, 28, 1), TestModels.labels(4, 8, 10), 2, 8);
        return TestModels.describe(stack, adam, loss, "accuracy");
    }

    @Test
    void savesAndLoadsBitForBitInBothFormats() throws Exception {
        ModelDescription model = trained();
        INDArray x = TestModels.inputs(9, 4, 28, 28, 1);
        for (String name : List.of("cnn.keras", "cnn.h5")) {
            Path file = dir.resolve(name);
            Saving.saveModel(model, file);
            ModelDescription loaded = Saving.loadModel(file);
            assertEquals(List.of("conv2d", "max_pooling2d", "conv2d_1", "max_pooling2d_1", "flatten", "dense", "dense_1"),
                    loaded.layers().stream().map(l -> l.name()).toList());
            RoundTripTest.assertWeightsEqual(model.layers(), loaded.layers());
            assertArrayEquals(Forward.predict(model.layers(), x).data().asFloat(), Forward.predict(loaded.layers(), x).data().asFloat(), name);
            assertEquals(2, loaded.compile().optimizer().iterations(), name);
        }
    }

    private static final String LAYOUT = String.join("\n",
            "import sys, json, h5py",
            "def text(v):",
            "    return v.decode('utf8') if hasattr(v, 'decode') else str(v)",
            "with h5py.File(sys.argv[1], 'r') as f:",
            "    mw = f['model_weights']",
            "    out = []",
            "    for name in [text(n) for n in mw.attrs['layer_names']]:",
            "        wn = [text(w) for w in mw[name].attrs['weight_names']] if 'weight_names' in mw[name].attrs else []",
            "        out.append([name, [[w.split('/')[-1], list(mw[name][w].shape), str(mw[name][w].dtype)] for w in wn]])",
            "    config = json.loads(text(f.attrs['model_config']))",
            "    convs = [l['config'] for l in config['config']['layers'] if l['class_name'] == 'Conv2D']",
            "    print(json.dumps({'layers': out, 'conv_keys': [sorted(c.keys()) for c in convs]}))");

    @Test
    void h5pyFindsTheLayoutKerasWritesForTheSameCnn() throws Exception {
        String python = H5py.python();
        Path ours = dir.resolve("ours.h5");
        Saving.saveModel(trained(), ours);
        Path script = Files.writeString(dir.resolve("layout.py"), LAYOUT);
        ObjectMapper json = new ObjectMapper();
        JsonNode mine = json.readTree(H5py.run(python, script.toString(), ours.toString()));
        JsonNode keras = json.readTree(H5py.run(python, script.toString(), Fixtures.file("cnn-conv2d-legacy.h5").toString()));
        assertEquals(7, mine.get("layers").size());
        for (int i = 0; i < 7; i++) {
            JsonNode a = mine.get("layers").get(i), b = keras.get("layers").get(i);
            assertEquals(b.get(1), a.get(1), "layer " + i + ": weight names, shapes and types");
            if (i < 4) {
                assertEquals(b.get(0), a.get(0), "the convolution and pooling layers' names");
            }
        }
        assertEquals(keras.get("conv_keys"), mine.get("conv_keys"), "Conv2D config keys as Keras 3 writes them");
    }
}
