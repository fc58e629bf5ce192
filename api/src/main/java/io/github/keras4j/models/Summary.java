package io.github.keras4j.models;

import io.github.keras4j.layers.Layer;
import io.github.keras4j.layers.Parameter;
import io.github.keras4j.layers.Shape;

import java.util.List;
import java.util.Locale;

/**
 * tf.keras 2's summary table for a Sequential model: 65 characters wide, columns ending at 29, 55 and
 * 65 (Keras' positions .45, .85, 1), each field cut to its column and padded with spaces, so rows keep
 * their trailing spaces; {@code _} rules between layers, {@code =} rules around them.
 */
final class Summary {
    static final int LINE_LENGTH = 65;
    static final int[] POSITIONS = {29, 55, 65};
    static final String HOW_TO_BUILD = "Give the first layer an input shape, e.g. new Flatten().inputShape(28, 28), "
            + "call build(28, 28), or call fit or predict first.";

    private Summary() {
    }

    static String of(Sequential model) {
        if (!model.isBuilt()) {
            throw new IllegalStateException("Model '" + model.name() + "' is not built yet, so its output shapes and weights are unknown. "
                    + HOW_TO_BUILD);
        }
        StringBuilder sb = new StringBuilder();
        line(sb, "Model: \"" + model.name() + "\"");
        line(sb, "_".repeat(LINE_LENGTH));
        row(sb, "Layer (type)", "Output Shape", "Param #");
        line(sb, "=".repeat(LINE_LENGTH));
        List<Layer> layers = model.layers();
        Shape shape = model.stack().inputShape();
        long total = 0;
        long trainable = 0;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            shape = layer.computeOutputShape(shape);
            total += layer.countParams();
            for (Parameter w : layer.trainableWeights()) {
                trainable += w.size();
            }
            row(sb, layer.name() + " (" + layer.typeName() + ")", shape.toBatchString(), String.valueOf(layer.countParams()));
            line(sb, (i == layers.size() - 1 ? "=" : "_").repeat(LINE_LENGTH));
        }
        line(sb, "Total params: " + String.format(Locale.ROOT, "%,d", total));
        line(sb, "Trainable params: " + String.format(Locale.ROOT, "%,d", trainable));
        line(sb, "Non-trainable params: " + String.format(Locale.ROOT, "%,d", total - trainable));
        line(sb, "_".repeat(LINE_LENGTH));
        return sb.toString();
    }

    /** Keras' print_row: each field starts where the previous column ends, the previous column's last character blanked. */
    static String formatRow(String... fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.setLength(line.length() - 1);
                line.append(' ');
            }
            line.append(fields[i]);
            line.setLength(Math.min(line.length(), POSITIONS[i]));
            line.append(" ".repeat(POSITIONS[i] - line.length()));
        }
        return line.toString();
    }

    private static void row(StringBuilder sb, String... fields) {
        line(sb, formatRow(fields));
    }

    private static void line(StringBuilder sb, String text) {
        sb.append(text).append('\n');
    }
}
