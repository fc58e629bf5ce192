package io.github.keras4j;

import io.github.keras4j.callbacks.LambdaCallback;
import io.github.keras4j.datasets.DatasetFolder;
import io.github.keras4j.datasets.Mnist;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Dropout;
import io.github.keras4j.layers.Flatten;
import io.github.keras4j.layers.Shape;
import io.github.keras4j.models.FitOptions;
import io.github.keras4j.models.Models;
import io.github.keras4j.models.Sequential;
import io.github.keras4j.optimizers.Adam;
import io.github.keras4j.optimizers.SGD;
import io.github.keras4j.saving.ModelFileException;
import io.github.keras4j.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Keeps {@code docs/errors.md} honest: triggers every error the catalogue lists and checks that the exact
 * message appears there, under the exception class the catalogue names, and that the catalogue lists no
 * message that nothing here produces. Paths in messages are written as a typical user's paths.
 */
class ErrorCatalogTest {
    /** The catalogue, found from the module folder Maven runs tests in. */
    static final Path CATALOGUE = Path.of(System.getProperty("basedir", "."), "..", "docs", "errors.md").normalize();
    /** A block of message text, and the line before it, which names the exception class in bold code. */
    private static final Pattern ENTRY = Pattern.compile("\\*\\*`(\\w+)`\\*\\*[^\\n]*\\n+```text\\n(.*?)\\n```", Pattern.DOTALL);

    @TempDir
    Path tmp;

    /** Every area of the catalogue; each adds the cases of its own section of docs/errors.md. */
    static final List<CatalogueSection> SECTIONS = List.of(new ModelErrorCases(), new FileErrorCases(), new LayerErrorCases(),
            new OptimizerErrorCases(), new ReliabilityErrorCases(), new ConvErrorCases(), new KerasFileErrorCases(),
            new DataErrorCases());

    @Test
    void everyCataloguedErrorIsProducedWordForWordAndNothingElseIsCatalogued() throws Exception {
        ErrorCases cases = new ErrorCases(tmp);
        for (CatalogueSection section : SECTIONS) {
            section.addTo(cases);
        }

        Map<String, String> documented = documented();
        Map<String, String> produced = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (ErrorCases.Case c : cases.all()) {
            Throwable t = failure(c);
            if (!c.type().isInstance(t)) {
                problems.add("expected " + c.type().getSimpleName() + " but got " + t);
                continue;
            }
            String message = typicalPaths(t.getMessage());
            produced.put(message, c.type().getSimpleName());
            String documentedType = documented.get(message);
            if (documentedType == null) {
                problems.add("not in the catalogue: **`" + c.type().getSimpleName() + "`**\n```text\n" + message + "\n```");
            } else if (!documentedType.equals(c.type().getSimpleName())) {
                problems.add("catalogued as " + documentedType + " but thrown as " + c.type().getSimpleName() + ": " + message);
            }
        }
        documented.keySet().stream().filter(m -> !produced.containsKey(m)).forEach(m -> problems.add("catalogued but never produced: " + m));
        assertTrue(problems.isEmpty(), CATALOGUE + " and the errors disagree:\n\n" + String.join("\n\n", problems));
        assertEquals(documented.size(), produced.size());
    }

    private static Throwable failure(ErrorCases.Case c) {
        try {
            c.trigger().run();
        } catch (Throwable t) {
            return t;
        }
        return fail("no exception from a case expecting " + c.type().getSimpleName());
    }

    /** Message text to exception class name, for every entry of the catalogue. */
    static Map<String, String> documented() throws IOException {
        assertTrue(Files.isRegularFile(CATALOGUE), "the error catalogue is missing: " + CATALOGUE);
        Map<String, String> entries = new LinkedHashMap<>();
        Matcher m = ENTRY.matcher(ownSections(Files.readString(CATALOGUE, StandardCharsets.UTF_8)));
        while (m.find()) {
            entries.put(m.group(2), m.group(1));
        }
        return entries;
    }

    /** The catalogue without the sections another module checks: those headed "(examples module)" or "(spark module)". */
    static String ownSections(String catalogue) {
        StringBuilder own = new StringBuilder();
        for (String section : catalogue.split("(?m)^(?=## )")) {
            String heading = section.lines().findFirst().orElse("");
            if (!OTHER_MODULES.matcher(heading).find()) {
                own.append(section);
            }
        }
        return own.toString();
    }

    private static final Pattern OTHER_MODULES = Pattern.compile("\\((examples|spark) module\\)");

    /** Temporary folders as a user would see their own folders, and the free memory of this machine as a typical one's. */
    private String typicalPaths(String message) {
        return message.replace(tmp.resolve("datasets").toString(), "/home/me/.keras4j/datasets")
                .replace(tmp.resolve("models").toString(), "/home/me/models")
                .replace(tmp.resolve("data").toString(), "/home/me/data")
                .replaceAll("but only [0-9.]+ (bytes|KB|MB|GB|TB) of (heap|memory) is free", "but only 5.9 GB of $2 is free");
    }

    @Test
    void theCatalogueReadsAsPlainEntries() throws IOException {
        Map<String, String> entries = documented();
        assertTrue(entries.size() >= 40, "entries found: " + entries.size());
        for (String message : entries.keySet()) {
            assertTrue(!message.contains("\n"), "one line per message: " + message);
        }
    }
}
