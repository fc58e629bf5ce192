package io.github.keras4j.spark;

import java.io.Serializable;

/**
 * The numbers that change while a model trains, and nothing else: its weights (Keras' order, trainable and not,
 * as {@code getWeights} lists them), the optimizer's slots of each weight in the same order ({@code null} where a
 * weight has none yet) and the optimizer's step count. What the driver broadcasts every round; the model's
 * structure and compile settings travel once, as its {@code .keras} file.
 */
record ModelState(float[][] weights, float[][][] slots, long iterations) implements Serializable {
}
