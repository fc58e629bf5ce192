package io.github.keras4j.optimizers.schedules;

/**
 * The learning rate as a function of the optimizer's step count (Keras' {@code LearningRateSchedule}). An
 * optimizer given a schedule asks it before every update, with the number of updates taken so far: {@code 0}
 * for the first update, as Keras passes {@code optimizer.iterations}.
 *
 * <p>Keras evaluates its schedules in float32; keras4j evaluates them in double and the optimizer rounds the
 * rate to float32 where its update rule does, so a rate can differ from Keras' in the last float32 bit.
 * A schedule is an immutable value: implement this interface for a schedule of your own.
 */
@FunctionalInterface
public interface LearningRateSchedule {
    /** The learning rate for the update that follows {@code step} updates (0, 1, 2, ...). */
    double learningRate(long step);
}
