package io.github.keras4j;

/**
 * One area's entries of {@code docs/errors.md}: it adds a case per catalogued message, each a call that must
 * fail with that message. {@link ErrorCatalogTest} runs every section; a new area of keras4j adds a section
 * class and one line to {@link ErrorCatalogTest#SECTIONS}.
 */
interface CatalogueSection {
    void addTo(ErrorCases cases) throws Exception;
}
