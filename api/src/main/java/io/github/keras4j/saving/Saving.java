package io.github.keras4j.saving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jhdf.HdfFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * Saving and loading models in Keras' formats (Keras' {@code keras.saving}):
 * <ul>
 *   <li>{@link #saveModel} / {@link #loadModel}: the Keras 3 {@code .keras} archive with architecture,
 *   weights and optimizer state. {@code loadModel} also reads the {@code .keras} files of tf.keras 2.15 and
 *   the legacy Keras 2 HDF5 {@code .h5} model format.</li>
 *   <li>{@link #saveWeights} / {@link #loadWeights}: Keras' {@code .weights.h5} file (layer variables, and
 *   the optimizer's when compiled).</li>
 *   <li>{@link #toJson} / {@link #fromJson}: the architecture (and compile settings) as Keras'
 *   {@code model.to_json()} writes it.</li>
 * </ul>
 * Saves are atomic ({@link AtomicFile}). Everything that cannot be loaded fails with a
 * {@link ModelFileException} naming the file and the problem; no partly loaded model is returned.
 */
public final class Saving {
    /**
     * The Keras release whose {@code .keras} layout keras4j writes, recorded as {@code keras_version} in
     * {@code metadata.json} (Keras reads that file only for display): {@value}.
     */
    public static final String KERAS_FORMAT_VERSION = "3.6.0";
    /** The file name ending of a Keras 3 model archive: {@value}. */
    public static final String KERAS_SUFFIX = ".keras";
    /** The file name ending of a legacy Keras HDF5 model: {@value} ({@code .hdf5} works too, as in Keras). */
    public static final String LEGACY_SUFFIX = ".h5";
    /** The file name ending Keras requires for weights files: {@value}. */
    public static final String WEIGHTS_SUFFIX = ".weights.h5";

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] HDF5_MAGIC = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final DateTimeFormatter DATE_SAVED = DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss");

    private Saving() {
    }

    /**
     * Writes {@code model} atomically in the format its file name asks for, as Keras 3's {@code model.save}: a
     * {@code .keras} archive, or the legacy Keras HDF5 model for {@code .h5} (and {@code .hdf5}). Other names are
     * refused with an {@link IllegalArgumentException}.
     */
    public static void saveModel(ModelDescription model, Path path) {
        saveModel(model, path, AtomicFile.DEFAULT);
    }

    /** As {@link #saveModel(ModelDescription, Path)}, through {@code atomicFile} (tests inject failures there). */
    public static void saveModel(ModelDescription model, Path path, AtomicFile atomicFile) {
        requireBuilt(model, "save");
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (name.endsWith(LEGACY_SUFFIX) || name.endsWith(".hdf5")) {
            atomicFile.write(path, temporary -> {
                Files.delete(temporary); // jHDF creates the file itself
                LegacyH5Writer.write(model, temporary);
            });
            return;
        }
        if (!name.endsWith(KERAS_SUFFIX)) {
            throw new IllegalArgumentException("Cannot save model '" + model.name() + "' as '" + path + "': the file name must end in "
                    + KERAS_SUFFIX + " (Keras 3's format, recommended) or " + LEGACY_SUFFIX + " (the legacy Keras HDF5 format), as"
                    + " Keras 3 requires. Use e.g. '" + (name.isEmpty() ? "model" : name) + KERAS_SUFFIX + "'.");
        }
        byte[] config = toJson(model).getBytes(StandardCharsets.UTF_8);
        byte[] metadata = metadataJson(model).getBytes(StandardCharsets.UTF_8);
        atomicFile.write(path, temporary -> {
            byte[] weights = weightsBytes(model, temporary);
            try (OutputStream out = Files.newOutputStream(temporary)) {
                KerasArchive.write(out, metadata, config, weights);
            }
        });
    }

    /** Reads a {@code .keras} or legacy {@code .h5} model, with its compile state and optimizer state. */
    public static ModelDescription loadModel(Path path) {
        return loadModel(path, true);
    }

    /**
     * Reads a {@code .keras} (Keras 3, tf.keras 2.15) or legacy Keras 2 {@code .h5} model. With
     * {@code compile} false the compile config is ignored, as in Keras' {@code load_model(compile=False)}.
     * The config is checked against the sizes of the file's weights before any layer allocates its own, so a
     * damaged config fails with a message instead of exhausting memory.
     */
    public static ModelDescription loadModel(Path path, boolean compile) {
        return loadModel(path, compile, false);
    }

    /**
     * As {@link #loadModel(Path, boolean)}. Weights that hold NaN or an infinity fail with a
     * {@link ModelFileException} naming the layer and the weight ({@link FiniteWeights}), unless
     * {@code allowNonFinite}.
     */
    public static ModelDescription loadModel(Path path, boolean compile, boolean allowNonFinite) {
        String source = "file '" + path + "'";
        ModelDescription model = readModel(path, compile, source);
        if (!allowNonFinite) {
            FiniteWeights.require(model.layers(), source);
        }
        return model;
    }

    private static ModelDescription readModel(Path path, boolean compile, String source) {
        byte[] head = head(path, source);
        if (startsWith(head, HDF5_MAGIC)) {
            return LegacyH5.read(path, source, compile);
        }
        if (!startsWith(head, ZIP_MAGIC)) {
            throw new ModelFileException(source, "it is neither a .keras archive (zip) nor a Keras HDF5 file; it starts with bytes "
                    + Arrays.toString(head));
        }
        KerasArchive.Contents contents = KerasArchive.read(path, source);
        JsonNode root = parseJson(contents.config(), source, KerasArchive.CONFIG);
        long[] stored = new long[1];
        withHdf5(contents.weights(), source, KerasArchive.WEIGHTS, tree -> stored[0] = tree.storedValues());
        ModelDescription model = describe(root, compile, source, stored[0]);
        if (!model.isBuilt()) {
            throw new ModelFileException(source, "its config gives no input shape, so the model cannot hold the weights in "
                    + KerasArchive.WEIGHTS);
        }
        withHdf5(contents.weights(), source, KerasArchive.WEIGHTS, tree -> KerasWeights.read(tree, model, compile, KerasArchive.WEIGHTS));
        return RandomStates.apply(contents.metadata(), model, source);
    }

    /** Writes the variables of the model's layers (and of its optimizer when compiled) as a Keras {@code .weights.h5} file. */
    public static void saveWeights(ModelDescription model, Path path) {
        saveWeights(model, path, AtomicFile.DEFAULT);
    }

    public static void saveWeights(ModelDescription model, Path path, AtomicFile atomicFile) {
        requireBuilt(model, "save the weights of");
        if (!path.getFileName().toString().endsWith(WEIGHTS_SUFFIX)) {
            throw new IllegalArgumentException("The weights file name must end in " + WEIGHTS_SUFFIX + ", as Keras requires; got '"
                    + path.getFileName() + "'. Use e.g. 'model" + WEIGHTS_SUFFIX + "'.");
        }
        atomicFile.write(path, temporary -> {
            Files.delete(temporary); // jHDF creates the file itself
            KerasWeights.write(model, temporary);
        });
    }

    /**
     * Loads weights saved by {@link #saveWeights} (or Keras' {@code save_weights}) or the weights of a
     * {@code .keras} file into the built layers of {@code model}, and the optimizer state into its optimizer
     * when the model is compiled and the file has one. Shapes are checked first: on failure nothing changes.
     */
    public static void loadWeights(Path path, ModelDescription model) {
        loadWeights(path, model, false);
    }

    /** As {@link #loadWeights(Path, ModelDescription)}; NaN or infinite weights fail (changing nothing) unless {@code allowNonFinite}. */
    public static void loadWeights(Path path, ModelDescription model, boolean allowNonFinite) {
        String source = "file '" + path + "'";
        String check = allowNonFinite ? null : source;
        requireBuilt(model, "load weights into");
        byte[] head = head(path, source);
        if (startsWith(head, ZIP_MAGIC)) {
            KerasArchive.Contents contents = KerasArchive.read(path, source);
            withHdf5(contents.weights(), source, KerasArchive.WEIGHTS,
                    tree -> KerasWeights.read(tree, model, true, KerasArchive.WEIGHTS, check));
            return;
        }
        if (!startsWith(head, HDF5_MAGIC)) {
            throw new ModelFileException(source, "it is not an HDF5 weights file; it starts with bytes " + Arrays.toString(head));
        }
        withHdf5(readAll(path, source), source, path.getFileName().toString(),
                tree -> KerasWeights.read(tree, model, true, path.getFileName().toString(), check));
    }

    /** The model's Keras config as JSON, as Keras' {@code model.to_json()} and the {@code config.json} of a {@code .keras} file. */
    public static String toJson(ModelDescription model) {
        ObjectNode root = SequentialConfigs.write(model);
        try {
            return KerasJson.MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing the model config as JSON failed", e);
        }
    }

    /**
     * The model of a Keras JSON config (Keras' {@code model_from_json}): layers named as in the JSON, built
     * with fresh weights when the input shape is known, compiled when the JSON has a compile config.
     */
    public static ModelDescription fromJson(String json) {
        String source = "model JSON";
        JsonNode root = parseJson(json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8), source, "the JSON");
        return describe(root, true, source, Long.MAX_VALUE);
    }

    /** The model of a config; {@code storedValues} is how many values its weights hold (see {@link SequentialConfigs#read}). */
    static ModelDescription describe(JsonNode root, boolean compile, String source, long storedValues) {
        try {
            return SequentialConfigs.read(root, root.get("compile_config"), compile, storedValues);
        } catch (ModelFileException e) {
            throw e;
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ModelFileException(source, e.getMessage(), e);
        }
    }

    static JsonNode parseJson(byte[] json, String source, String entry) {
        try {
            JsonNode root = KerasJson.MAPPER.readTree(json);
            if (root == null || !root.isObject()) {
                throw new ModelFileException(source, entry + " does not hold a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new ModelFileException(source, entry + " is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() : ""), e);
        } catch (IOException e) {
            throw new ModelFileException(source, entry + " could not be read: " + e.getMessage(), e);
        }
    }

    /** Something to do with an opened HDF5 file. */
    interface H5Action {
        void run(H5Tree tree);
    }

    /** Opens HDF5 bytes and runs {@code action}, turning every failure into a message naming the file. */
    static void withHdf5(byte[] bytes, String source, String entry, H5Action action) {
        try (HdfFile file = HdfFile.fromBytes(bytes)) {
            action.run(new H5Tree(file));
        } catch (ModelFileException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(source, e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ModelFileException(source, entry + " is not a valid HDF5 file or is damaged (" + e.getMessage() + ")", e);
        }
    }

    /** The weights as HDF5 bytes, written through a temporary beside the archive's (jHDF writes files only). */
    private static byte[] weightsBytes(ModelDescription model, Path temporary) throws IOException {
        Path h5 = Temporaries.create(temporary.getParent(), KerasArchive.WEIGHTS);
        try {
            Files.delete(h5); // jHDF creates the file itself
            KerasWeights.write(model, h5);
            return Files.readAllBytes(h5);
        } finally {
            Temporaries.release(h5);
        }
    }

    private static String metadataJson(ModelDescription model) {
        ObjectNode m = KerasJson.object();
        m.put("keras_version", KERAS_FORMAT_VERSION);
        m.put("date_saved", LocalDateTime.now().format(DATE_SAVED));
        m.put("saved_by", "keras4j");
        RandomStates.write(model, m);
        return m.toString();
    }

    private static void requireBuilt(ModelDescription model, String action) {
        if (model.layers().isEmpty()) {
            throw new IllegalStateException("Cannot " + action + " model '" + model.name() + "': it has no layers. Add layers first.");
        }
        if (!model.isBuilt()) {
            throw new IllegalStateException("Cannot " + action + " model '" + model.name() + "': it is not built yet, so it has no "
                    + "weights. Give the first layer an input shape, e.g. inputShape(28, 28), or call the model on data first.");
        }
    }

    private static byte[] head(Path path, String source) {
        if (!Files.isRegularFile(path)) {
            throw new ModelFileException(source, Files.exists(path) ? "it is not a regular file" : "the file does not exist");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(8);
        } catch (IOException e) {
            throw new ModelFileException(source, "reading it failed: " + e, e);
        }
    }

    static byte[] readAll(Path path, String source) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ModelFileException(source, "reading it failed: " + e, e);
        } catch (OutOfMemoryError e) {
            throw new UncheckedIOException(new IOException("the file " + path + " is too large to read", e));
        }
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
