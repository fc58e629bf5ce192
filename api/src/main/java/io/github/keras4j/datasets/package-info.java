/**
 * Keras' bundled datasets: {@link io.github.keras4j.datasets.Mnist} and
 * {@link io.github.keras4j.datasets.FashionMnist}, loaded as ND4J arrays with Keras' shapes and types.
 *
 * <p>Files are cached in the {@link io.github.keras4j.datasets.DatasetFolder datasets folder}, downloaded
 * when missing (verified against published SHA-256 checksums, written atomically), and read by a strict
 * IDX reader that rejects truncated, corrupt or oversized files with an
 * {@link io.github.keras4j.datasets.IdxFormatException} naming the file, never returning partial data.
 */
package io.github.keras4j.datasets;
