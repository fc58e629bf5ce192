/**
 * The soak test: a long training run and many short-lived models in one JVM, with the JVM heap, the
 * native memory ND4J allocates and the process's resident memory sampled as they go, and a check that
 * none of them keeps growing once warmed up. It runs outside the test suite:
 * {@code java -cp examples/target/keras4j-examples.jar io.github.keras4j.examples.soak.Soak}.
 */
package io.github.keras4j.examples.soak;
