package io.github.keras4j.saving;

import io.github.keras4j.layers.Dense;
import io.github.keras4j.models.FitOptions;
import io.github.keras4j.models.Models;
import io.github.keras4j.models.NonFiniteWeights;
import io.github.keras4j.models.Sequential;
import io.github.keras4j.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files and arrays that would load silently into a broken model: NaN or infinite weights are refused (naming the
 * layer and the weight) unless the caller opts in, and a {@code .keras} archive with an entry twice is refused.
 */
class WeightIntegrityTest {
    @TempDir
    Path dir;

    private static Sequential model() {
        Utils.setRandomSeed(4);
        Sequential m = new Sequential(new Dense(4, "relu").inputShape(3), new Dense(2, "softmax"));
        m.compile("adam", "categorical_crossentropy", "acc");
        return m;
    }

    /** The model's weights with {@code value} at kernel 2 (dense_1/kernel), row 1, column 1. */
    private static List<INDArray> withBadValue(Sequential m, float value) {
        List<INDArray> w = m.getWeights();
        w.get(2).putScalar(new long[] {1, 1}, value);
        return w;
    }

    @Test
    void setWeightsRefusesNaNAndInfinityUnlessAllowed() {
        Sequential m = model();
        List<INDArray> before = m.getWeights();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.setWeights(withBadValue(m, Float.NaN)));
        assertEquals("setWeights: array 2, for weight 'dense_1/kernel' of layer 'dense_1' (Dense, index 1), holds NaN at [1, 1]; a model"
                + " with NaN or infinite weights computes NaN for every input. To set it anyway, pass NonFiniteWeights.ALLOW:"
                + " model.setWeights(weights, NonFiniteWeights.ALLOW).", e.getMessage());
        assertUnchanged(before, m);
        IllegalArgumentException inf = assertThrows(IllegalArgumentException.class,
                () -> m.setWeights(withBadValue(m, Float.NEGATIVE_INFINITY)));
        assertTrue(inf.getMessage().contains(" holds -Infinity at [1, 1];"), inf.getMessage());
        assertUnchanged(before, m);

        m.setWeights(withBadValue(m, Float.NaN), NonFiniteWeights.ALLOW);
        assertTrue(Float.isNaN(m.getWeights().get(2).getFloat(1, 1)));
    }

    @Test
    void kerasAndLegacyFilesWithNaNWeightsAreRefusedUnlessAllowed() {
        Sequential m = model();
        m.setWeights(withBadValue(m, Float.NaN), NonFiniteWeights.ALLOW);
        for (String name : List.of("nan.keras", "nan.h5")) {
            Path file = dir.resolve(name);
            m.save(file); // saving a diverged model is allowed: it may be wanted for inspection
            ModelFileException e = assertThrows(ModelFileException.class, () -> Models.load(file));
            assertEquals("Cannot load file '" + file + "': weight 'dense_1/kernel' of layer 'dense_1' (Dense, index 1) holds NaN at [1, 1];"
                    + " a model with NaN or infinite weights computes NaN for every input (it was probably saved after training"
                    + " diverged). To load it anyway (e.g. to inspect it), pass NonFiniteWeights.ALLOW, e.g. Models.load(path,"
                    + " NonFiniteWeights.ALLOW) or model.loadWeights(path, NonFiniteWeights.ALLOW).", e.getMessage());
            Sequential loaded = Models.load(file, NonFiniteWeights.ALLOW);
            assertTrue(Float.isNaN(loaded.getWeights().get(2).getFloat(1, 1)));
            assertEquals("adam", loaded.optimizer().name());
            assertTrue(Models.load(file, false, NonFiniteWeights.ALLOW).optimizer() == null);
        }
    }

    @Test
    void loadWeightsWithAnInfinityChangesNeitherWeightsNorOptimizer() {
        Sequential source = model();
        INDArray x = Nd4j.rand(DataType.FLOAT, 8, 3);
        INDArray y = Utils.toCategorical(Nd4j.zeros(DataType.FLOAT, 8), 2);
        source.fit(x, y, FitOptions.defaults().withVerbose(0).withEpochs(2));
        source.setWeights(withBadValue(source, Float.POSITIVE_INFINITY), NonFiniteWeights.ALLOW);
        Path file = dir.resolve("inf.weights.h5");
        source.saveWeights(file);

        Sequential target = model();
        target.fit(x, y, FitOptions.defaults().withVerbose(0).withEpochs(1));
        List<INDArray> before = target.getWeights();
        long iterations = target.optimizer().iterations();
        ModelFileException e = assertThrows(ModelFileException.class, () -> target.loadWeights(file));
        assertTrue(e.getMessage().startsWith("Cannot load file '" + file + "': weight 'dense_1/kernel' of layer 'dense_1' (Dense, index 1)"
                + " holds Infinity at [1, 1];"), e.getMessage());
        assertUnchanged(before, target);
        assertEquals(iterations, target.optimizer().iterations(), "the optimizer state is not restored either");

        target.loadWeights(file, NonFiniteWeights.ALLOW);
        assertEquals(Float.POSITIVE_INFINITY, target.getWeights().get(2).getFloat(1, 1));
        assertEquals(source.optimizer().iterations(), target.optimizer().iterations());
    }

    @Test
    void anArchiveWithTwoConfigEntriesIsRefused() throws IOException {
        Sequential good = model();
        Path original = dir.resolve("good.keras");
        good.save(original);
        byte[] config;
        byte[] metadata;
        byte[] weights;
        try (ZipFile zip = new ZipFile(original.toFile())) {
            config = zip.getInputStream(zip.getEntry(KerasArchive.CONFIG)).readAllBytes();
            metadata = zip.getInputStream(zip.getEntry(KerasArchive.METADATA)).readAllBytes();
            weights = zip.getInputStream(zip.getEntry(KerasArchive.WEIGHTS)).readAllBytes();
        }
        // A second config.json that names other layers; the JDK's zip reader would take it. ZipOutputStream refuses
        // duplicate names, so the second entry is written as conFIG.json and renamed in the bytes.
        byte[] other = new String(config, StandardCharsets.UTF_8).replace("\"dense_1\"", "\"dense_9\"").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Object[] e : new Object[][] {{KerasArchive.METADATA, metadata}, {KerasArchive.CONFIG, config},
                    {"conFIG.json", other}, {KerasArchive.WEIGHTS, weights}}) {
                zip.putNextEntry(new ZipEntry((String) e[0]));
                zip.write((byte[]) e[1]);
                zip.closeEntry();
            }
        }
        Path twice = Files.write(dir.resolve("twice.keras"), rename(bytes.toByteArray(), "conFIG.json", KerasArchive.CONFIG));

        ModelFileException e = assertThrows(ModelFileException.class, () -> Models.load(twice));
        assertEquals("Cannot load file '" + twice + "': the archive holds 2 entries named config.json; a .keras file holds each entry"
                + " once (zip readers disagree on which copy they read, so the file is damaged or was edited by hand). Save the"
                + " model again to get a clean file", e.getMessage());
        Sequential target = model();
        assertThrows(ModelFileException.class, () -> target.loadWeights(twice));
    }

    private static byte[] rename(byte[] zip, String from, String to) {
        byte[] a = from.getBytes(StandardCharsets.US_ASCII);
        byte[] b = to.getBytes(StandardCharsets.US_ASCII);
        int replaced = 0;
        for (int i = 0; i + a.length <= zip.length; i++) {
            boolean match = true;
            for (int k = 0; k < a.length && match; k++) {
                match = zip[i + k] == a[k];
            }
            if (match) {
                System.arraycopy(b, 0, zip, i, b.length);
                replaced++;
            }
        }
        assertEquals(2, replaced, "the local header and the central directory name it");
        return zip;
    }

    private static void assertUnchanged(List<INDArray> before, Sequential m) {
        List<INDArray> now = m.getWeights();
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i).data().asFloat(), now.get(i).data().asFloat(), 0f, "weight " + i);
        }
    }
}
