package io.github.keras4j.saving;

/**
 * The order in which a Keras optimizer creates its per-variable slots, which is the order of
 * {@code optimizer/vars/2...} in the weights file (after {@code iterations} and {@code learning_rate}).
 */
enum SlotLayout {
    /** For each model variable, all its slots: Adam's {@code m(kernel), v(kernel), m(bias), v(bias)}. */
    INTERLEAVED,
    /** For each kind of slot, one per model variable: RMSprop's velocities, then its momentums. */
    BY_SLOT
}
