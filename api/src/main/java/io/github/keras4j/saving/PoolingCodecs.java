package io.github.keras4j.saving;

import io.github.keras4j.layers.AveragePooling2D;
import io.github.keras4j.layers.GlobalAveragePooling2D;
import io.github.keras4j.layers.GlobalMaxPooling2D;
import io.github.keras4j.layers.GlobalPooling2D;
import io.github.keras4j.layers.MaxPooling2D;
import io.github.keras4j.layers.Padding;
import io.github.keras4j.layers.Pooling2D;

import java.util.function.Supplier;

/**
 * Keras' pooling configs. {@code MaxPooling2D} and {@code AveragePooling2D}: pool_size, padding, strides (Keras writes
 * the strides in effect; null means the pool size), data_format. {@code GlobalAveragePooling2D} and
 * {@code GlobalMaxPooling2D}: data_format and keepdims (false only).
 */
final class PoolingCodecs {
    private PoolingCodecs() {
    }

    static LayerCodec<MaxPooling2D> maxPooling() {
        return windowed("MaxPooling2D", MaxPooling2D.class, MaxPooling2D::new);
    }

    static LayerCodec<AveragePooling2D> averagePooling() {
        return windowed("AveragePooling2D", AveragePooling2D.class, AveragePooling2D::new);
    }

    static LayerCodec<GlobalAveragePooling2D> globalAveragePooling() {
        return global("GlobalAveragePooling2D", GlobalAveragePooling2D.class, GlobalAveragePooling2D::new);
    }

    static LayerCodec<GlobalMaxPooling2D> globalMaxPooling() {
        return global("GlobalMaxPooling2D", GlobalMaxPooling2D.class, GlobalMaxPooling2D::new);
    }

    private static <L extends Pooling2D> LayerCodec<L> windowed(String className, Class<L> type, Supplier<L> factory) {
        return LayerConfigs.codec(className, type,
                c -> {
                    ImageConfigs.channelsLast(c);
                    L layer = factory.get();
                    int[] pool = ImageConfigs.pair(c, "pool_size", new int[] {2, 2});
                    layer.poolSize(pool[0], pool[1]);
                    int[] strides = ImageConfigs.pair(c, "strides", null);
                    if (strides != null) {
                        layer.strides(strides[0], strides[1]);
                    }
                    layer.padding(c.string("padding", Padding.VALID.keras()));
                    return layer;
                },
                (layer, c) -> {
                    ImageConfigs.putPair(c, "pool_size", layer.poolSize());
                    c.put("padding", layer.padding().keras());
                    ImageConfigs.putPair(c, "strides", layer.strides());
                    c.put("data_format", "channels_last");
                });
    }

    private static <L extends GlobalPooling2D> LayerCodec<L> global(String className, Class<L> type, Supplier<L> factory) {
        return LayerConfigs.codec(className, type,
                c -> {
                    ImageConfigs.channelsLast(c);
                    c.expect("keepdims", "false");
                    return factory.get();
                },
                (layer, c) -> {
                    c.put("data_format", "channels_last");
                    c.put("keepdims", false);
                });
    }
}
