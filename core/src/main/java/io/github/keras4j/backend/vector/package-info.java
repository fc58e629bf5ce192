/**
 * The float32 kernels on the JDK's incubating Vector API ({@code jdk.incubator.vector}). Nothing else in keras4j names
 * that module: {@link io.github.keras4j.backend.Simd} loads this package by reflection when the JVM runs with it.
 */
package io.github.keras4j.backend.vector;
