package io.github.keras4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Warnings are catalogued in {@code docs/errors.md} word for word too, as text blocks; tests check each one they see. */
public final class CataloguedWarnings {
    private CataloguedWarnings() {
    }

    /** Fails unless the catalogue holds {@code warning} as a text block of its own. */
    public static void assertCatalogued(String warning) throws IOException {
        String catalogue = Files.readString(ErrorCatalogTest.CATALOGUE, StandardCharsets.UTF_8);
        assertTrue(catalogue.contains("```text\n" + warning + "\n```"), ErrorCatalogTest.CATALOGUE + " lacks the warning:\n" + warning);
    }
}
