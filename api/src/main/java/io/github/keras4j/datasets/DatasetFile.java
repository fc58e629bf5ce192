package io.github.keras4j.datasets;

/**
 * One file of a dataset: its canonical name, the same on the mirror and in the cache, and the SHA-256
 * of the upstream file, which every download must match.
 */
record DatasetFile(String name, String sha256) {
    DatasetFile {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 of " + name + " must be 64 lower-case hex digits, got " + sha256);
        }
    }
}
