/**
 * The TensorFlow Playground, in keras4j: an interactive page that trains a small network on 2-D data while you
 * watch ({@code java -jar keras4j-examples.jar playground}). Its parts mirror the Playground's sources: the data
 * sets of {@code dataset.ts} ({@link io.github.keras4j.examples.playground.DataGenerator}, drawn from its random
 * generator, {@link io.github.keras4j.examples.playground.SeedRandom}), the settings hash of {@code state.ts}
 * ({@link io.github.keras4j.examples.playground.PlaygroundState}), and the training of {@code nn.ts}, here a keras4j
 * {@code Sequential} of {@code Dense} layers ({@link io.github.keras4j.examples.playground.PlaygroundNetwork}) with
 * the Playground's loss and update rule ({@link io.github.keras4j.examples.playground.HalfSquaredError},
 * {@link io.github.keras4j.examples.playground.PlaygroundSGD}). {@link io.github.keras4j.examples.playground.PlaygroundServer}
 * serves the page and gives each tab its own {@link io.github.keras4j.examples.playground.PlaygroundSession}.
 */
package io.github.keras4j.examples.playground;
