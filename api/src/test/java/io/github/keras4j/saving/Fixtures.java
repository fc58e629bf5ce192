package io.github.keras4j.saving;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Keras model fixtures, found through {@value #PROPERTY} or {@value #ENVIRONMENT}, else in
 * {@code ../shared/fixtures/keras} next to the repository. A test whose file is not there fails when {@code CI=true}
 * and otherwise says so loudly on stderr and in its skip reason: fixture tests never skip silently.
 */
final class Fixtures {
    static final String PROPERTY = "keras4j.fixtures";
    static final String ENVIRONMENT = "KERAS4J_FIXTURES";

    private Fixtures() {
    }

    /** The fixtures folder: the setting, else {@code shared/fixtures/keras} beside the repository. */
    static Path folder() {
        String setting = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
        if (setting != null && !setting.isBlank()) {
            return Path.of(setting);
        }
        // Maven runs the tests in the module folder (basedir); the repository is its parent.
        Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
        return module.getParent() == null ? module : module.getParent().resolveSibling("shared").resolve("fixtures").resolve("keras");
    }

    /** The fixture file {@code name} (a path inside the folder, e.g. {@code corpus/corpus.tsv}). */
    static Path file(String name) {
        Path folder = folder();
        // The setting may name the fixtures root or its keras/ folder.
        Path file = Files.isRegularFile(folder.resolve(name)) ? folder.resolve(name) : folder.resolve("keras").resolve(name);
        if (!Files.isRegularFile(file)) {
            String why = "Keras fixture " + name + " not found in " + folder + ": set the system property " + PROPERTY
                    + " or the environment variable " + ENVIRONMENT + " to the fixtures folder; the tests that read it did not run";
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            System.err.println("WARNING: " + why);
            assumeTrue(false, why);
        }
        return file;
    }
}
