/**
 * How keras4j computes on ND4J memory: direct BLAS products, bulk staging of arrays for elementwise math,
 * and the native thread policy. Internal; users rarely need it beyond {@link io.github.keras4j.backend.Threads}.
 */
package io.github.keras4j.backend;
