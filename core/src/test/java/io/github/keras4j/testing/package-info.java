/** Test support shared by keras4j's tests: double-precision numerical gradient checks. */
package io.github.keras4j.testing;
