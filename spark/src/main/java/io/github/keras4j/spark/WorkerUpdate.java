package io.github.keras4j.spark;

import java.io.Serializable;

/**
 * What a worker sends back after its share of a round: how many samples and steps it trained, the sum of its
 * steps' losses, its model's {@link ModelState} and the seconds it spent inside {@code fit} (to tell Spark's
 * share of a round from the training's).
 */
record WorkerUpdate(long samples, int steps, double lossSum, ModelState state, double trainSeconds) implements Serializable {
}
