package io.github.keras4j.spark;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Keeps the "(spark module)" sections of {@code docs/errors.md} honest, as the api module's catalogue test
 * does for the others: every case of {@link SparkErrorCases} must fail with a message catalogued there, word for
 * word and under its exception class, and every message catalogued there must be produced by a case.
 */
class SparkErrorCatalogTest {
    static final Path CATALOGUE = Path.of(System.getProperty("basedir", "."), "..", "docs", "errors.md").normalize();
    private static final Pattern ENTRY = Pattern.compile("\\*\\*`(\\w+)`\\*\\*[^\\n]*\\n+```text\\n(.*?)\\n```", Pattern.DOTALL);

    /** A call that must fail with an exception of {@code type}. */
    record Case(Class<? extends Throwable> type, Trigger trigger) {
    }

    interface Trigger {
        void run() throws Exception;
    }

    @Test
    void everySparkErrorIsCataloguedWordForWordAndNothingElseIs() throws Exception {
        Map<String, String> documented = documented();
        assertTrue(documented.size() >= 10, "entries found in the (spark module) sections: " + documented.size());
        Map<String, String> produced = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Case c : SparkErrorCases.all()) {
            Throwable t = failure(c);
            if (!c.type().isInstance(t)) {
                problems.add("expected " + c.type().getSimpleName() + " but got " + t);
                continue;
            }
            produced.put(t.getMessage(), c.type().getSimpleName());
            String type = documented.get(t.getMessage());
            if (type == null) {
                problems.add("not in the catalogue: **`" + c.type().getSimpleName() + "`**\n```text\n" + t.getMessage() + "\n```");
            } else if (!type.equals(c.type().getSimpleName())) {
                problems.add("catalogued as " + type + " but thrown as " + c.type().getSimpleName() + ": " + t.getMessage());
            }
        }
        documented.keySet().stream().filter(m -> !produced.containsKey(m)).forEach(m -> problems.add("catalogued but never produced: " + m));
        assertTrue(problems.isEmpty(), CATALOGUE + " and the errors disagree:\n\n" + String.join("\n\n", problems));
    }

    private static Throwable failure(Case c) {
        try {
            c.trigger().run();
        } catch (Throwable t) {
            return t;
        }
        return fail("no exception from a case expecting " + c.type().getSimpleName());
    }

    /** Message to exception class name, for the entries of the sections headed "(spark module)". */
    static Map<String, String> documented() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String section : Files.readString(CATALOGUE, StandardCharsets.UTF_8).split("(?m)^(?=## )")) {
            if (section.lines().findFirst().orElse("").contains("(spark module)")) {
                Matcher m = ENTRY.matcher(section);
                while (m.find()) {
                    entries.put(m.group(2), m.group(1));
                }
            }
        }
        return entries;
    }
}
