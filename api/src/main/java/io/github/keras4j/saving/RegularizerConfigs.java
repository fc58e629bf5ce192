package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.keras4j.regularizers.L1;
import io.github.keras4j.regularizers.L1L2;
import io.github.keras4j.regularizers.L2;
import io.github.keras4j.regularizers.Regularizer;
import io.github.keras4j.regularizers.Regularizers;

/**
 * Regularizers in Keras configs: Keras' {@code L1}, {@code L2} and {@code L1L2} classes (module
 * {@code keras.regularizers}) and the identifiers {@code "l1"}, {@code "l2"}, {@code "l1_l2"}, which Keras
 * creates with factor {@value Regularizers#DEFAULT_FACTOR}.
 */
final class RegularizerConfigs {
    static final String MODULE = "keras.regularizers";

    private RegularizerConfigs() {
    }

    /** The serialized regularizer, or null for none; {@code L1} or {@code L2} when one factor is zero, as Keras' shorthands. */
    static ObjectNode write(Regularizer regularizer, String owner) {
        if (regularizer == null) {
            return null;
        }
        ObjectNode config = KerasJson.object();
        if (regularizer instanceof L1 r) {
            config.put("l1", r.l1());
            return KerasJson.serialized(MODULE, "L1", config);
        }
        if (regularizer instanceof L2 r) {
            config.put("l2", r.l2());
            return KerasJson.serialized(MODULE, "L2", config);
        }
        if (!(regularizer instanceof L1L2 r)) {
            throw new IllegalArgumentException(owner + " uses the regularizer " + regularizer
                    + ", which keras4j cannot save yet; add it to RegularizerConfigs");
        }
        String className;
        if (r.l1() == 0 && r.l2() != 0) {
            className = "L2";
            config.put("l2", r.l2());
        } else if (r.l2() == 0 && r.l1() != 0) {
            className = "L1";
            config.put("l1", r.l1());
        } else {
            className = "L1L2";
            config.put("l1", r.l1());
            config.put("l2", r.l2());
        }
        return KerasJson.serialized(MODULE, className, config);
    }

    /** The regularizer of a config value, or null for none. */
    static Regularizer read(JsonNode value, String owner) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            switch (value.asText()) {
                case "l1":
                    return Regularizers.l1(Regularizers.DEFAULT_FACTOR);
                case "l2":
                    return Regularizers.l2(Regularizers.DEFAULT_FACTOR);
                case "l1_l2":
                    return Regularizers.l1l2(Regularizers.DEFAULT_FACTOR, Regularizers.DEFAULT_FACTOR);
                default:
                    throw unknown(value.asText(), owner);
            }
        }
        String className = KerasJson.className(value, "a regularizer of " + owner);
        ConfigReader c = new ConfigReader(value.get("config"), "regularizer " + className + " of " + owner);
        Regularizer r;
        switch (className) {
            case "L1":
                r = Regularizers.l1(c.number("l1", Regularizers.DEFAULT_FACTOR));
                break;
            case "L2":
                r = Regularizers.l2(c.number("l2", Regularizers.DEFAULT_FACTOR));
                break;
            case "L1L2":
                r = Regularizers.l1l2(c.number("l1", 0), c.number("l2", 0));
                break;
            default:
                throw unknown(className, owner);
        }
        c.finish();
        return r;
    }

    private static IllegalArgumentException unknown(String name, String owner) {
        return new IllegalArgumentException(owner + " uses the regularizer '" + name
                + "', which keras4j does not support; keras4j supports L1, L2 and L1L2");
    }
}
