package io.github.keras4j.examples;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Collectors;

/** The datasets a lesson can be run on, as named by {@code --dataset}. */
public enum DatasetChoice {
    MNIST("mnist", "MNIST handwritten digits: 60,000 training and 10,000 test images"),
    MNIST_10K("mnist-10k", "a 10,000-image MNIST subset, for quick runs"),
    FASHION_MNIST("fashion-mnist", "Fashion-MNIST clothing images, MNIST's shapes and sizes");

    private final String id;
    private final String description;

    DatasetChoice(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The name on the command line and in result tables: {@code mnist}, {@code mnist-10k}, {@code fashion-mnist}. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** True for MNIST and its 10,000-image split: the data the lessons' tutorials report their numbers on. */
    public boolean isMnist() {
        return this == MNIST || this == MNIST_10K;
    }

    /** The choice named {@code id} (case-insensitive); fails listing the known names. */
    public static DatasetChoice parse(String id) {
        for (DatasetChoice d : values()) {
            if (d.id.equals(id == null ? null : id.trim().toLowerCase(Locale.ROOT))) {
                return d;
            }
        }
        throw new IllegalArgumentException("Unknown dataset '" + id + "'. Known datasets: " + ids() + ".");
    }

    /** The known names, comma-separated. */
    public static String ids() {
        return Arrays.stream(values()).map(DatasetChoice::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }

    /** The names, for picocli's {@code ${COMPLETION-CANDIDATES}} in the help text. */
    static final class Ids implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(values()).map(DatasetChoice::id).iterator();
        }
    }
}
