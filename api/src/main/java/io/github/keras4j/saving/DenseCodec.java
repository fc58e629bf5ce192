package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.keras4j.layers.Dense;

/** Keras' {@code Dense} config: units, activation, use_bias, initializers, regularizers; constraints are not supported. */
final class DenseCodec implements LayerCodec<Dense> {
    @Override
    public String className() {
        return "Dense";
    }

    @Override
    public Class<Dense> type() {
        return Dense.class;
    }

    @Override
    public void write(Dense layer, ObjectNode config) {
        String owner = layer.describe();
        config.put("units", layer.units());
        config.put("activation", ActivationConfigs.write(layer.activation(), owner));
        config.put("use_bias", layer.useBias());
        config.set("kernel_initializer", InitializerConfigs.write(layer.kernelInitializer(), owner));
        config.set("bias_initializer", InitializerConfigs.write(layer.biasInitializer(), owner));
        config.set("kernel_regularizer", RegularizerConfigs.write(layer.kernelRegularizer(), owner));
        config.set("bias_regularizer", RegularizerConfigs.write(layer.biasRegularizer(), owner));
        config.putNull("kernel_constraint");
        config.putNull("bias_constraint");
    }


    @Override
    public Dense read(ConfigReader c) {
        String owner = c.owner();
        Dense dense = new Dense(c.requireInt("units"), ActivationConfigs.read(c.raw("activation"), owner));
        dense.useBias(c.bool("use_bias", true));
        if (c.has("kernel_initializer")) {
            dense.kernelInitializer(InitializerConfigs.read(c.raw("kernel_initializer"), owner));
        }
        if (c.has("bias_initializer")) {
            dense.biasInitializer(InitializerConfigs.read(c.raw("bias_initializer"), owner));
        }
        dense.kernelRegularizer(RegularizerConfigs.read(c.raw("kernel_regularizer"), owner));
        dense.biasRegularizer(RegularizerConfigs.read(c.raw("bias_regularizer"), owner));
        c.expect("kernel_constraint");
        c.expect("bias_constraint");
        c.expect("quantization_config");
        c.expect("lora_rank");
        c.ignore("lora_alpha");
        return dense;
    }
}
