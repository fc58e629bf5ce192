package io.github.keras4j.backend;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * A value per thread, like {@link ThreadLocal}, for the buffers an object keeps per inference thread, which
 * releases the values of dropped objects promptly.
 *
 * <p>Why not one {@code ThreadLocal} per layer: a thread keeps a {@code ThreadLocal}'s value until that thread
 * happens to clean the stale entry up, so threads of a pool that predicted with many models kept buffers (and
 * their native memory) of models dropped long before. Here each thread has one map from owner to value with
 * weak keys, which drops every entry of an unreachable owner at the thread's next use of any of them.
 * The value must not refer to its {@code PerThread} (or the object holding it), or it is never dropped.
 */
public final class PerThread<T> {
    private static final ThreadLocal<Map<PerThread<?>, Object>> VALUES = ThreadLocal.withInitial(WeakHashMap::new);

    private final Supplier<? extends T> factory;

    public PerThread(Supplier<? extends T> factory) {
        this.factory = factory;
    }

    /** This thread's value, made on the thread's first call. */
    @SuppressWarnings("unchecked")
    public T get() {
        Map<PerThread<?>, Object> values = VALUES.get();
        Object v = values.get(this);
        if (v == null) {
            v = factory.get();
            values.put(this, v);
        }
        return (T) v;
    }

    /** How many values this thread holds for owners still alive (for tests of the release). */
    static int heldByThisThread() {
        return VALUES.get().size();
    }
}
