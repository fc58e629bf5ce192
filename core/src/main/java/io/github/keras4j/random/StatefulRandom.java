package io.github.keras4j.random;

/**
 * Something that keeps drawing random numbers after it is made, from a generator of its own (Dropout's masks):
 * saving a model records the generator's state and loading puts it back, so that training resumed from a file
 * draws what training that never stopped would have drawn.
 */
public interface StatefulRandom {
    /** The generator, or null while there is none yet (a layer not built). */
    SplitMixRandom random();
}
