package io.github.keras4j.layers;

import java.util.Locale;

/**
 * Keras' {@code padding} of convolution and pooling layers: {@code "valid"} uses only windows that lie wholly inside
 * the image; {@code "same"} pads so that the output has {@code ceil(input / stride)} rows and columns, the odd extra
 * row or column at the bottom or right (see {@link io.github.keras4j.backend.Windows}).
 */
public enum Padding {
    VALID, SAME;

    /** Keras' word for it. */
    public String keras() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code "valid"} or {@code "same"} (any case), for a layer of type {@code layerType}. */
    public static Padding of(String padding, String layerType) {
        if (padding != null) {
            for (Padding p : values()) {
                if (p.keras().equalsIgnoreCase(padding.trim())) {
                    return p;
                }
            }
        }
        throw new IllegalArgumentException(layerType + " padding must be \"valid\" or \"same\", got "
                + (padding == null ? "null" : "\"" + padding + "\"") + ("causal".equalsIgnoreCase(padding)
                ? " (\"causal\" is for Conv1D only)" : ""));
    }
}
