/** The machinery under models: the layer stack with its forward and backward passes, and identifier lookup. */
package io.github.keras4j.engine;
