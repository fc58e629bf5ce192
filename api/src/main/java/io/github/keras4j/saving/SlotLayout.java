package io.github.keras4j.saving;

import java.util.ArrayList;
import java.util.List;

/**
 * The order in which a Keras optimizer creates its per-variable slots, which is their order in
 * {@code optimizer/vars} (after {@code iterations} and {@code learning_rate}). Keras' {@code build} creates the
 * slots in groups: within a group it loops over the model's variables and adds each slot of the group for one
 * variable before the next ({@code add_optimizer_variables(vars, ["momentum", "velocity"])}: Adam's
 * {@code m(kernel), v(kernel), m(bias), v(bias)}); groups follow each other (AMSGrad's velocity_hats come after
 * all of them, RMSprop adds each kind of slot in a group of its own).
 *
 * <p>A group names slots by their index in the optimizer's {@code slotNames()}; {@link #IGNORED} stands for a slot
 * a Keras version stores that the keras4j optimizer does not have (tf.keras 2.11-2.15's SGD always stores momentums,
 * which change nothing when momentum is 0).
 */
final class SlotLayout {
    /** A slot in the file that keras4j reads past. */
    static final int IGNORED = -1;

    /** One stored slot: of which parameter, and which of the optimizer's slots ({@link #IGNORED} for none). */
    record Slot(int parameter, int slot) {
    }

    private final List<int[]> groups;

    private SlotLayout(List<int[]> groups) {
        this.groups = groups;
    }

    /** Groups of slot indices, in Keras' order of creation. */
    static SlotLayout of(int[]... groups) {
        return new SlotLayout(List.of(groups));
    }

    /** All slots in one group: each parameter's slots together (Adam, Adadelta, Adamax, Nadam). */
    static SlotLayout interleaved(int slots) {
        int[] all = new int[slots];
        for (int s = 0; s < slots; s++) {
            all[s] = s;
        }
        return slots == 0 ? of() : of(all);
    }

    /** One group per slot: all parameters' first slot, then all their second (RMSprop, Adagrad, SGD). */
    static SlotLayout bySlot(int slots) {
        int[][] groups = new int[slots][];
        for (int s = 0; s < slots; s++) {
            groups[s] = new int[] {s};
        }
        return of(groups);
    }

    /** The stored slots of {@code parameters} model variables, in file order. */
    List<Slot> order(int parameters) {
        List<Slot> out = new ArrayList<>();
        for (int[] group : groups) {
            for (int p = 0; p < parameters; p++) {
                for (int s : group) {
                    out.add(new Slot(p, s));
                }
            }
        }
        return out;
    }
}
