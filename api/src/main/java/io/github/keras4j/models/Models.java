package io.github.keras4j.models;

import io.github.keras4j.saving.Saving;

import java.nio.file.Path;

/** Loading models (Keras' {@code keras.models.load_model} and {@code model_from_json}). */
public final class Models {
    private Models() {
    }

    /**
     * Loads a Keras 3 {@code .keras} file (written by keras4j, Keras 3 or tf.keras 2.15) or a legacy Keras 2
     * {@code .h5} model: layers, weights and, when the model was compiled, its optimizer (with its state, so
     * training resumes where it stopped), loss and metrics. Unsupported layers or options fail with an
     * {@link IllegalArgumentException} naming them; unreadable files name the file and the problem, and so do
     * weights that hold NaN or an infinity (see {@link #load(Path, NonFiniteWeights)}).
     */
    public static Sequential load(Path path) {
        return ModelFiles.toModel(Saving.loadModel(path));
    }

    /** As {@link #load(Path)}, leaving the model uncompiled when {@code compile} is false. */
    public static Sequential load(Path path, boolean compile) {
        return ModelFiles.toModel(Saving.loadModel(path, compile));
    }

    /**
     * As {@link #load(Path)}. A file whose weights hold NaN or an infinity is refused (naming the layer and the
     * weight) unless {@code nonFinite} is {@link NonFiniteWeights#ALLOW}.
     */
    public static Sequential load(Path path, NonFiniteWeights nonFinite) {
        return load(path, true, nonFinite);
    }

    /** As {@link #load(Path, boolean)} and {@link #load(Path, NonFiniteWeights)}. */
    public static Sequential load(Path path, boolean compile, NonFiniteWeights nonFinite) {
        return ModelFiles.toModel(Saving.loadModel(path, compile, nonFinite == NonFiniteWeights.ALLOW));
    }

    /** A new, freshly initialised model with the architecture (and compile settings) of {@code json}. */
    public static Sequential fromJson(String json) {
        return ModelFiles.toModel(Saving.fromJson(json));
    }
}
