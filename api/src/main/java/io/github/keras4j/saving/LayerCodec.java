package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.keras4j.layers.Layer;

/**
 * How one Keras layer class maps to a keras4j layer: its options written into, and read from, the
 * layer's Keras config. The options every layer has ({@code name}, {@code trainable}, {@code dtype}) and
 * the input shape are handled by {@link LayerConfigs}.
 */
interface LayerCodec<L extends Layer> {
    /** Keras' class name, e.g. {@code Dense}. */
    String className();

    /** The keras4j class, matched exactly when saving. */
    Class<L> type();

    /** Puts the layer's own options into {@code config}, in the order Keras writes them. */
    void write(L layer, ObjectNode config);

    /** A new, unbuilt layer from its options; {@link ConfigReader#finish()} is called afterwards. */
    L read(ConfigReader config);
}
