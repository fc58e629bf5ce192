package io.github.keras4j.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where datasets live: the folder named by the system property {@value #PROPERTY}, else by the
 * environment variable {@value #ENVIRONMENT_VARIABLE}, else {@code ~/.keras4j/datasets} (Keras uses
 * {@code ~/.keras/datasets}). Inside it each dataset has its own folder ({@code mnist/},
 * {@code fashion-mnist/}) holding its files under their canonical names.
 *
 * <p>A folder named by the setting must exist: a typo should fail loudly rather than start a download
 * somewhere unexpected. The default folder is created when a download first needs it. A blank setting
 * counts as unset.
 */
public final class DatasetFolder {
    /** The system property naming the datasets folder: {@value}. */
    public static final String PROPERTY = "keras4j.datasets";
    /** The environment variable naming the datasets folder when the property is unset: {@value}. */
    public static final String ENVIRONMENT_VARIABLE = "KERAS4J_DATASETS";
    /** The default folder, relative to the user's home directory: {@value}. */
    public static final String DEFAULT_FOLDER = ".keras4j/datasets";

    private DatasetFolder() {
    }

    /**
     * The datasets folder for this process, as the setting or the default says.
     *
     * @throws IllegalStateException if the setting names a folder that does not exist or is not a folder
     */
    public static Path resolve() {
        return resolve(System::getProperty, System::getenv, Path.of(System.getProperty("user.home")));
    }

    /** {@link #resolve()} with the lookups passed in, so every branch can be tested. */
    static Path resolve(UnaryOperator<String> properties, UnaryOperator<String> environment, Path home) {
        String fromProperty = properties.apply(PROPERTY);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return existing(fromProperty, "system property " + PROPERTY);
        }
        String fromEnvironment = environment.apply(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return existing(fromEnvironment, "environment variable " + ENVIRONMENT_VARIABLE);
        }
        return home.resolve(DEFAULT_FOLDER);
    }

    private static Path existing(String value, String source) {
        Path folder = Path.of(value.trim()).toAbsolutePath();
        if (!Files.exists(folder)) {
            throw new IllegalStateException("The datasets folder " + folder + " (from the " + source
                    + ") does not exist. Create it, or point the setting at the folder that holds mnist/ and"
                    + " fashion-mnist/.");
        }
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("The datasets folder " + folder + " (from the " + source
                    + ") is a file, not a folder. Point the setting at the folder that holds mnist/ and"
                    + " fashion-mnist/.");
        }
        return folder;
    }
}
