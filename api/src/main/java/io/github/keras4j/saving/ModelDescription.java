package io.github.keras4j.saving;

import io.github.keras4j.layers.Layer;
import io.github.keras4j.layers.Shape;

import java.util.List;
import java.util.Objects;

/**
 * A Sequential model as the saving code sees it: its name, the input sample shape (without the batch
 * axis; null while unknown), its layers in order and what {@code compile} set (null when not compiled).
 *
 * <p>Layers read from a file come built for {@link #inputShape()}, named as in the file and holding the
 * file's weights; the first one declares the input shape ({@link Layer#declaredInputShape()}), so adding
 * them to a model in order rebuilds nothing.
 *
 * <p>{@code shuffleState} is the state of fit's shuffling generator ({@link io.github.keras4j.random.SplitMixRandom}),
 * null before the first fit; with the states of the layers' own generators ({@link
 * io.github.keras4j.random.StatefulRandom}) it is saved in {@code .keras} files ({@link RandomStates}), so that
 * training resumed from a file shuffles and drops out as training that never stopped.
 */
public record ModelDescription(String name, Shape inputShape, List<Layer> layers, CompileState compile, Long shuffleState) {
    /** Keras' name for a Sequential model nobody named: {@value}. */
    public static final String DEFAULT_NAME = "sequential";

    /** A model whose fit has not shuffled yet (no shuffling state to keep). */
    public ModelDescription(String name, Shape inputShape, List<Layer> layers, CompileState compile) {
        this(name, inputShape, layers, compile, null);
    }

    public ModelDescription {
        if (name == null || name.isBlank()) {
            name = DEFAULT_NAME;
        }
        layers = List.copyOf(Objects.requireNonNull(layers, "layers"));
    }

    /** True when the input shape is known and every layer is built (so the model has weights to save). */
    public boolean isBuilt() {
        if (inputShape == null) {
            return false;
        }
        for (Layer layer : layers) {
            if (!layer.isBuilt()) {
                return false;
            }
        }
        return true;
    }

    public boolean isCompiled() {
        return compile != null;
    }
}
