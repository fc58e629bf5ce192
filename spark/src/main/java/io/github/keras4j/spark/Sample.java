package io.github.keras4j.spark;

import java.io.Serializable;

/**
 * One training example as it lives in a Spark partition: the features, flat (reshaped to the model's input
 * shape when batched), and the label, one-hot or a single value, as the model's loss expects it.
 */
public record Sample(float[] features, float[] label) implements Serializable {
    public Sample {
        if (features == null || features.length == 0 || label == null || label.length == 0) {
            throw new IllegalArgumentException("a Sample needs features and a label, got " + (features == null ? "null" : features.length
                    + " features") + " and " + (label == null ? "null" : label.length + " label values"));
        }
    }
}
