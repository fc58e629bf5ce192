package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.keras4j.layers.Layer;
import io.github.keras4j.layers.Shape;

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

    /**
     * How many values the layer's variables hold once built for {@code inputShape}, known before building:
     * a model read from a file is checked against the file's weights before any weight is allocated, so a
     * damaged config cannot make the reader allocate gigabytes. Layers without variables keep the default, 0.
     */
    default long variableSize(L layer, Shape inputShape) {
        return 0;
    }
}
