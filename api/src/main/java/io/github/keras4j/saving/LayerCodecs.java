package io.github.keras4j.saving;

import io.github.keras4j.layers.Activation;
import io.github.keras4j.layers.Dropout;
import io.github.keras4j.layers.Flatten;
import io.github.keras4j.layers.Layer;
import io.github.keras4j.layers.Rescaling;
import io.github.keras4j.layers.Reshape;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Keras layer classes keras4j reads and writes, one {@link LayerCodec} each: the built-in layers, and any a user
 * registers for a layer of their own (Keras' {@code register_keras_serializable}):
 * <pre>
 * LayerCodecs.register(new MyLayerCodec());   // then models holding MyLayer save, load and convert to JSON
 * </pre>
 * Saving finds a codec by the layer's exact class, loading by the config's {@code class_name} (or, for objects Keras
 * saved with a {@code registered_name} such as {@code "MyPackage>MyLayer"}, by that name).
 */
public final class LayerCodecs {
    // Registration order, which messages listing the supported layers keep.
    private static final Map<String, LayerCodec<?>> BY_NAME = new LinkedHashMap<>();
    private static final Map<Class<?>, LayerCodec<?>> BY_TYPE = new HashMap<>();

    static {
        register(new DenseCodec());
        register(LayerConfigs.codec("Flatten", Flatten.class,
                c -> {
                    c.expect("data_format", "channels_last");
                    return new Flatten();
                },
                (layer, c) -> c.put("data_format", "channels_last")));
        register(LayerConfigs.codec("Activation", Activation.class,
                c -> new Activation(ActivationConfigs.read(c.raw("activation"), c.owner())),
                (layer, c) -> c.put("activation", ActivationConfigs.write(layer.activation(), layer.describe()))));
        register(LayerConfigs.codec("Dropout", Dropout.class,
                c -> {
                    c.expect("noise_shape");
                    return new Dropout(c.number("rate", 0), c.optionalLong("seed"));
                },
                (layer, c) -> {
                    c.put("rate", layer.rate());
                    if (layer.seed() == null) {
                        c.putNull("seed");
                    } else {
                        c.put("seed", layer.seed());
                    }
                    c.putNull("noise_shape");
                }));
        register(new BatchNormalizationCodec());
        register(LayerConfigs.codec("Reshape", Reshape.class,
                c -> new Reshape(KerasJson.readInts(c.raw("target_shape"), c.owner() + "'s target_shape")),
                (layer, c) -> c.set("target_shape", KerasJson.ints(layer.targetShape()))));
        register(LayerConfigs.codec("Rescaling", Rescaling.class,
                c -> new Rescaling(c.number("scale", 1), c.number("offset", Rescaling.DEFAULT_OFFSET)),
                (layer, c) -> {
                    c.put("scale", layer.scale());
                    c.put("offset", layer.offset());
                }));
        register(new Conv2DCodec());
        register(PoolingCodecs.maxPooling());
        register(PoolingCodecs.averagePooling());
        register(PoolingCodecs.globalAveragePooling());
        register(PoolingCodecs.globalMaxPooling());
    }

    private LayerCodecs() {
    }

    /**
     * Makes layers of {@code codec.type()} savable and the config class name {@code codec.className()} loadable,
     * replacing an earlier codec of the same name or type (so a user can also override a built-in one).
     */
    public static synchronized void register(LayerCodec<?> codec) {
        if (codec == null || codec.className() == null || codec.className().isBlank() || codec.type() == null) {
            throw new IllegalArgumentException("register needs a codec with a Keras class name and a layer type, got " + codec);
        }
        LayerCodec<?> old = BY_TYPE.put(codec.type(), codec);
        if (old != null) {
            BY_NAME.remove(old.className());
        }
        old = BY_NAME.put(codec.className(), codec);
        if (old != null && old.type() != codec.type()) {
            BY_TYPE.remove(old.type());
        }
    }

    /** The codec for this layer's exact class, or null. */
    static synchronized LayerCodec<?> forLayer(Layer layer) {
        return BY_TYPE.get(layer.getClass());
    }

    /** The codec for a Keras class name (or registered name), or null. */
    static synchronized LayerCodec<?> forClassName(String className) {
        return className == null ? null : BY_NAME.get(className);
    }

    /** Every Keras class name that can be loaded: the built-in ones, then those registered since. */
    public static synchronized List<String> classNames() {
        return new ArrayList<>(BY_NAME.keySet());
    }
}
