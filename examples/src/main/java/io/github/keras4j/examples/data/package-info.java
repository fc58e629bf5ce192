/** The datasets the examples and the benchmark use, including the offline {@code mnist-10k} split. */
package io.github.keras4j.examples.data;
