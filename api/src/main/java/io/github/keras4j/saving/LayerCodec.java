package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.keras4j.layers.Layer;

/**
 * How one Keras layer class maps to a keras4j layer: its options written into, and read from, the layer's Keras
 * config. The options every layer has ({@code name}, {@code trainable}, {@code dtype}) and the input shape are
 * handled by keras4j; the weights come from {@link Layer#weightSpecs}. Register a codec for a layer of your own with
 * {@link LayerCodecs#register} (Keras' {@code register_keras_serializable}) so models holding it save and load.
 */
public interface LayerCodec<L extends Layer> {
    /** Keras' class name, e.g. {@code Dense}. */
    String className();

    /** The keras4j class, matched exactly when saving. */
    Class<L> type();

    /** Puts the layer's own options into {@code config}, in the order Keras writes them. */
    void write(L layer, ObjectNode config);

    /** A new, unbuilt layer from its options; keys it neither reads nor ignores are then refused unless neutral. */
    L read(ConfigReader config);
}
