package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.keras4j.layers.BatchNormalization;

/**
 * Keras' {@code BatchNormalization} config: axis, momentum, epsilon, center, scale, the four initializers, the beta and
 * gamma regularizers. tf.keras 2 writes {@code axis} as a one-item list ({@code [3]}) and adds options of its own
 * (renorm, virtual_batch_size, adjustment, fused), accepted when they leave the computation unchanged; constraints
 * and {@code synchronized} (which only matters across devices) likewise.
 */
final class BatchNormalizationCodec implements LayerCodec<BatchNormalization> {
    @Override
    public String className() {
        return "BatchNormalization";
    }

    @Override
    public Class<BatchNormalization> type() {
        return BatchNormalization.class;
    }

    @Override
    public void write(BatchNormalization layer, ObjectNode config) {
        String owner = layer.describe();
        config.put("axis", layer.axis());
        config.put("momentum", layer.momentum());
        config.put("epsilon", layer.epsilon());
        config.put("center", layer.center());
        config.put("scale", layer.scale());
        config.set("beta_initializer", InitializerConfigs.write(layer.betaInitializer(), owner));
        config.set("gamma_initializer", InitializerConfigs.write(layer.gammaInitializer(), owner));
        config.set("moving_mean_initializer", InitializerConfigs.write(layer.movingMeanInitializer(), owner));
        config.set("moving_variance_initializer", InitializerConfigs.write(layer.movingVarianceInitializer(), owner));
        config.set("beta_regularizer", RegularizerConfigs.write(layer.betaRegularizer(), owner));
        config.set("gamma_regularizer", RegularizerConfigs.write(layer.gammaRegularizer(), owner));
        config.putNull("beta_constraint");
        config.putNull("gamma_constraint");
        config.put("synchronized", false);
    }

    @Override
    public BatchNormalization read(ConfigReader c) {
        String owner = c.owner();
        BatchNormalization bn = new BatchNormalization()
                .momentum(c.number("momentum", BatchNormalization.DEFAULT_MOMENTUM))
                .epsilon(c.number("epsilon", BatchNormalization.DEFAULT_EPSILON))
                .center(c.bool("center", true))
                .scale(c.bool("scale", true));
        JsonNode axis = c.raw("axis");
        if (axis != null && axis.isArray() && axis.size() == 1) {
            axis = axis.get(0);
        }
        if (axis != null) {
            if (!axis.canConvertToInt() || !axis.isIntegralNumber()) {
                throw new IllegalArgumentException(owner + " has axis=" + ConfigReader.abbreviate(axis)
                        + "; keras4j normalises over one axis, the last");
            }
            bn.axis(axis.asInt());
        }
        if (c.has("beta_initializer")) {
            bn.betaInitializer(InitializerConfigs.read(c.raw("beta_initializer"), owner));
        }
        if (c.has("gamma_initializer")) {
            bn.gammaInitializer(InitializerConfigs.read(c.raw("gamma_initializer"), owner));
        }
        if (c.has("moving_mean_initializer")) {
            bn.movingMeanInitializer(InitializerConfigs.read(c.raw("moving_mean_initializer"), owner));
        }
        if (c.has("moving_variance_initializer")) {
            bn.movingVarianceInitializer(InitializerConfigs.read(c.raw("moving_variance_initializer"), owner));
        }
        bn.betaRegularizer(RegularizerConfigs.read(c.raw("beta_regularizer"), owner));
        bn.gammaRegularizer(RegularizerConfigs.read(c.raw("gamma_regularizer"), owner));
        c.expect("beta_constraint");
        c.expect("gamma_constraint");
        c.expect("renorm", "false");
        c.expect("virtual_batch_size");
        c.expect("adjustment");
        c.ignore("synchronized", "fused", "renorm_clipping", "renorm_momentum");
        return bn;
    }
}
