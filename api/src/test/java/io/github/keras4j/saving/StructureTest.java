package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.keras4j.engine.LayerStack;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Flatten;
import io.github.keras4j.losses.CategoricalCrossentropy;
import io.github.keras4j.losses.SparseCategoricalCrossentropy;
import io.github.keras4j.optimizers.Adam;
import io.github.keras4j.optimizers.SGD;
import io.github.keras4j.random.SeedGenerator;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code .keras} files keras4j writes have the structure of the files Keras writes: compared, with
 * readers independent of keras4j's, against fixtures of the same architecture saved by Keras 3.6.
 */
class StructureTest {
    @TempDir
    Path dir;

    /** Flatten(28, 28) -> Dense(128, relu) -> Dense(10) logits, Adam, from-logits sparse cross-entropy, as the fixture. */
    private Path writeLogitsModel() {
        SeedGenerator.setGlobalSeed(12);
        LayerStack stack = TestModels.stack(List.of(new Flatten().inputShape(28, 28), new Dense(128, "relu"), new Dense(10)));
        Adam adam = new Adam();
        SparseCategoricalCrossentropy loss = new SparseCategoricalCrossentropy(true);
        TestModels.train(stack, loss, adam, TestModels.inputs(1, 16, 28, 28), TestModels.labels(2, 16, 10), 1, 16);
        Path file = dir.resolve("logits.keras");
        Saving.saveModel(TestModels.describe(stack, adam, loss, "accuracy"), file);
        return file;
    }

    /** InputLayer (784,) -> Dense 300 relu -> 100 relu -> 10 softmax, SGD, as the fixture. */
    private Path writeDenseModel() {
        SeedGenerator.setGlobalSeed(13);
        LayerStack stack = TestModels.stack(List.of(new Dense(300, "relu").inputShape(784), new Dense(100, "relu"), new Dense(10, "softmax")));
        SGD sgd = new SGD(0.01);
        Path file = dir.resolve("dense.keras");
        Saving.saveModel(TestModels.describe(stack, sgd, new CategoricalCrossentropy(), "accuracy"), file);
        return file;
    }

    @Test
    void weightsHaveTheFixturesDatasetPathsShapesAndTypes() throws IOException {
        assertSameDatasets(Fixtures.file("flatten-128-logits-rawpixels.keras"), writeLogitsModel());
        assertSameDatasets(Fixtures.file("dense-784-300-100-10.keras"), writeDenseModel());
    }

    private static void assertSameDatasets(Path fixture, Path ours) throws IOException {
        Map<String, String> expected = new TreeMap<>();
        Map<String, String> expectedGroups = new TreeMap<>();
        Map<String, String> actual = new TreeMap<>();
        Map<String, String> actualGroups = new TreeMap<>();
        try (HdfFile theirs = KerasFixturesTest.weightsOf(fixture); HdfFile mine = KerasFixturesTest.weightsOf(ours)) {
            list(theirs, expected, expectedGroups);
            list(mine, actual, actualGroups);
        }
        assertEquals(expected, actual, "datasets (path -> shape and type) of " + ours.getFileName() + " against " + fixture.getFileName());
        // Keras also writes groups without datasets (Flatten's vars, the model's vars); keras4j leaves them out.
        for (Map.Entry<String, String> g : expectedGroups.entrySet()) {
            boolean holdsData = expected.keySet().stream().anyMatch(p -> p.startsWith(g.getKey() + "/"));
            if (holdsData) {
                assertEquals(g.getValue(), actualGroups.get(g.getKey()), "group " + g.getKey() + " and its attributes");
            }
        }
        assertTrue(expectedGroups.keySet().containsAll(actualGroups.keySet()), "groups Keras does not write: " + actualGroups.keySet());
    }

    private static void list(Group group, Map<String, String> datasets, Map<String, String> groups) {
        for (Node n : group) {
            String path = n.getPath().replaceAll("^/|/$", "");
            if (n instanceof Dataset d) {
                datasets.put(path, Arrays.toString(d.getDimensions()) + " " + d.getJavaType().getSimpleName());
            } else if (n instanceof Group g) {
                Map<String, String> attrs = new TreeMap<>();
                for (Map.Entry<String, Attribute> a : g.getAttributes().entrySet()) {
                    attrs.put(a.getKey(), String.valueOf(a.getValue().getData()));
                }
                groups.put(path, attrs.toString());
                list(g, datasets, groups);
            }
        }
    }

    @Test
    void configEqualsWhatKeras3WroteForTheSameModel() throws IOException {
        Path fixture = Fixtures.file("flatten-128-logits-rawpixels.keras");
        Path ours = writeLogitsModel();
        ObjectMapper mapper = new ObjectMapper();
        JsonNode expected = normalize(mapper.readTree(entry(fixture, "config.json")));
        JsonNode actual = normalize(mapper.readTree(entry(ours, "config.json")));
        assertEquals(expected.toPrettyString(), actual.toPrettyString());

        JsonNode metadata = mapper.readTree(entry(ours, "metadata.json"));
        assertEquals(Saving.KERAS_FORMAT_VERSION, metadata.get("keras_version").asText());
        assertTrue(metadata.get("date_saved").asText().matches("\\d{4}-\\d\\d-\\d\\d@\\d\\d:\\d\\d:\\d\\d"), metadata.toString());
        try (ZipFile zip = new ZipFile(ours.toFile())) {
            assertEquals(List.of("metadata.json", "config.json", "model.weights.h5"), zip.stream().map(e -> e.getName()).toList());
        }
    }

    /** Drops Keras' object-sharing ids and compares learning rates at float32, the precision Keras stores them in. */
    private static JsonNode normalize(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            o.remove("shared_object_id");
            if (o.has("learning_rate")) {
                o.put("learning_rate", (float) o.get("learning_rate").asDouble());
            }
            for (Iterator<JsonNode> it = o.elements(); it.hasNext(); ) {
                normalize(it.next());
            }
        } else if (node.isArray()) {
            node.forEach(StructureTest::normalize);
        }
        return node;
    }

    static byte[] entry(Path keras, String name) throws IOException {
        try (ZipFile zip = new ZipFile(keras.toFile())) {
            return zip.getInputStream(zip.getEntry(name)).readAllBytes();
        }
    }

    private static final String H5PY_LISTING = String.join("\n",
            "import sys, json, h5py",
            "out = {}",
            "def visit(name, obj):",
            "    if isinstance(obj, h5py.Dataset):",
            "        out[name] = [list(obj.shape), str(obj.dtype), [float(v) for v in obj[()].ravel()[:3]]]",
            "with h5py.File(sys.argv[1], 'r') as f:",
            "    f.visititems(visit)",
            "print(json.dumps(out, sort_keys=True))");

    @Test
    void h5pyReadsOurWeightsWithTheFixturesPathsShapesAndDtypes() throws Exception {
        String python = H5py.python();
        Path ours = dir.resolve("ours.h5");
        Path theirs = dir.resolve("theirs.h5");
        Files.write(ours, entry(writeLogitsModel(), "model.weights.h5"));
        Files.write(theirs, entry(Fixtures.file("flatten-128-logits-rawpixels.keras"), "model.weights.h5"));
        Path script = dir.resolve("list.py");
        Files.writeString(script, H5PY_LISTING);

        JsonNode mine = new ObjectMapper().readTree(H5py.run(python, script.toString(), ours.toString()));
        JsonNode reference = new ObjectMapper().readTree(H5py.run(python, script.toString(), theirs.toString()));

        List<String> mineShapes = new ArrayList<>();
        List<String> referenceShapes = new ArrayList<>();
        mine.fields().forEachRemaining(e -> mineShapes.add(e.getKey() + " " + e.getValue().get(0) + " " + e.getValue().get(1)));
        reference.fields().forEachRemaining(e -> referenceShapes.add(e.getKey() + " " + e.getValue().get(0) + " " + e.getValue().get(1)));
        assertEquals(referenceShapes, mineShapes);
        // h5py reads our values: the first kernel's leading values match what jHDF wrote.
        try (HdfFile h5 = new HdfFile(ours)) {
            float[] kernel = (float[]) ((Dataset) h5.getByPath("layers/dense/vars/0")).getDataFlat();
            for (int i = 0; i < 3; i++) {
                assertEquals(kernel[i], (float) mine.get("layers/dense/vars/0").get(2).get(i).asDouble());
            }
            assertEquals(1L, mine.get("optimizer/vars/0").get(2).get(0).asLong(), "iterations after one step");
        }
    }


}
