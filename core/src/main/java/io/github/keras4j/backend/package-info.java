/**
 * How keras4j computes on ND4J memory: direct BLAS products, bulk staging of arrays for elementwise math, the image
 * kernels under convolution and pooling ({@link io.github.keras4j.backend.ImageKernels}, laid out by
 * {@link io.github.keras4j.backend.Windows}), work split across threads ({@link io.github.keras4j.backend.Parallel}),
 * and the native thread policy. Internal; users rarely need it beyond {@link io.github.keras4j.backend.Threads}.
 */
package io.github.keras4j.backend;
