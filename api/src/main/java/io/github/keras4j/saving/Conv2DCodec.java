package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.keras4j.layers.Conv2D;
import io.github.keras4j.layers.Padding;

/**
 * Keras' {@code Conv2D} config: filters, kernel_size, strides, padding, data_format (channels_last), dilation_rate,
 * groups (1), activation, use_bias, initializers and regularizers; constraints are not supported. tf.keras 2.2 writes
 * no {@code groups}.
 */
final class Conv2DCodec implements LayerCodec<Conv2D> {
    @Override
    public String className() {
        return "Conv2D";
    }

    @Override
    public Class<Conv2D> type() {
        return Conv2D.class;
    }

    @Override
    public void write(Conv2D layer, ObjectNode config) {
        String owner = layer.describe();
        config.put("filters", layer.filters());
        ImageConfigs.putPair(config, "kernel_size", layer.kernelSize());
        ImageConfigs.putPair(config, "strides", layer.strides());
        config.put("padding", layer.padding().keras());
        config.put("data_format", "channels_last");
        ImageConfigs.putPair(config, "dilation_rate", layer.dilationRate());
        config.put("groups", 1);
        config.put("activation", ActivationConfigs.write(layer.activation(), owner));
        config.put("use_bias", layer.useBias());
        config.set("kernel_initializer", InitializerConfigs.write(layer.kernelInitializer(), owner));
        config.set("bias_initializer", InitializerConfigs.write(layer.biasInitializer(), owner));
        config.set("kernel_regularizer", RegularizerConfigs.write(layer.kernelRegularizer(), owner));
        config.set("bias_regularizer", RegularizerConfigs.write(layer.biasRegularizer(), owner));
        config.putNull("activity_regularizer");
        config.putNull("kernel_constraint");
        config.putNull("bias_constraint");
    }

    @Override
    public Conv2D read(ConfigReader c) {
        String owner = c.owner();
        ImageConfigs.channelsLast(c);
        int[] kernel = ImageConfigs.pair(c, "kernel_size", null);
        if (kernel == null) {
            throw new IllegalArgumentException(owner + " has no kernel_size in its config; expected two integers (height, width).");
        }
        Conv2D conv = new Conv2D(c.requireInt("filters"), kernel[0], ActivationConfigs.read(c.raw("activation"), owner));
        conv.kernelSize(kernel[0], kernel[1]);
        int[] strides = ImageConfigs.pair(c, "strides", new int[] {1, 1});
        conv.strides(strides[0], strides[1]);
        int[] dilation = ImageConfigs.pair(c, "dilation_rate", new int[] {1, 1});
        conv.dilationRate(dilation[0], dilation[1]);
        conv.padding(c.string("padding", Padding.VALID.keras()));
        conv.useBias(c.bool("use_bias", true));
        if (c.has("kernel_initializer")) {
            conv.kernelInitializer(InitializerConfigs.read(c.raw("kernel_initializer"), owner));
        }
        if (c.has("bias_initializer")) {
            conv.biasInitializer(InitializerConfigs.read(c.raw("bias_initializer"), owner));
        }
        conv.kernelRegularizer(RegularizerConfigs.read(c.raw("kernel_regularizer"), owner));
        conv.biasRegularizer(RegularizerConfigs.read(c.raw("bias_regularizer"), owner));
        c.expect("groups", "1");
        c.expect("activity_regularizer");
        c.expect("kernel_constraint");
        c.expect("bias_constraint");
        c.expect("lora_rank");
        c.ignore("lora_alpha");
        return conv;
    }
}
