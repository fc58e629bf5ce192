package io.github.keras4j.saving;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The Keras model fixtures, found through {@value #PROPERTY} or {@value #ENVIRONMENT}; tests skip without them. */
final class Fixtures {
    static final String PROPERTY = "keras4j.fixtures";
    static final String ENVIRONMENT = "KERAS4J_FIXTURES";

    private Fixtures() {
    }

    /** The fixture file {@code name}, skipping the test when the fixtures folder is not configured. */
    static Path file(String name) {
        String setting = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
        assumeTrue(setting != null && !setting.isBlank(), "Keras fixtures not configured: set the system property "
                + PROPERTY + " or the environment variable " + ENVIRONMENT + " to the fixtures folder");
        Path folder = Path.of(setting);
        // The setting may name the fixtures root or its keras/ folder.
        Path file = Files.isRegularFile(folder.resolve(name)) ? folder.resolve(name) : folder.resolve("keras").resolve(name);
        assumeTrue(Files.isRegularFile(file), "fixture " + name + " not found in " + folder);
        return file;
    }
}
