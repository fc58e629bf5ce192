package io.github.keras4j.backend;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Asks for a garbage collection once keras4j has created many bytes of native arrays since the last one.
 *
 * <p>Why: ND4J frees an array's native memory only after the collector has found the array unreachable, and
 * the collector runs when the Java heap fills up. An array takes a few hundred bytes of heap and any amount of
 * native memory, so a program that builds, trains and drops models can pile up native memory held by dead
 * arrays long before the heap asks for a collection: the soak test saw resident memory grow by 0.8 MiB per
 * dropped small model, with the heap far from full. keras4j counts the bytes of the arrays it creates
 * (weights, gradients, buffers, predictions) and, after {@link #budget()} bytes without a collection, calls
 * {@link System#gc()}, as JavaCPP does past its own limit. The budget is the system property
 * {@value #PROPERTY}, in bytes, default {@value #DEFAULT_BUDGET} (32 MiB); 0 turns this off. The collector
 * usually runs first anyway, for the heap garbage that comes with the arrays; the budget matters when native
 * memory is made much faster than heap garbage, as when models are built in a loop.
 */
public final class NativeBudget {
    /** System property: bytes of new native arrays after which keras4j asks for a collection; 0 never asks. */
    public static final String PROPERTY = "keras4j.gc.budget";
    /** The default budget: {@value} bytes. */
    public static final long DEFAULT_BUDGET = 32L << 20;

    private static final List<GarbageCollectorMXBean> COLLECTORS = ManagementFactory.getGarbageCollectorMXBeans();
    private static final long BUDGET = Long.getLong(PROPERTY, DEFAULT_BUDGET);
    private static long sinceCollection;
    private static long collectionsSeen;
    private static long requested;

    private NativeBudget() {
    }

    /** The budget in force. */
    public static long budget() {
        return BUDGET;
    }

    /** How many collections keras4j has asked for in this JVM. */
    public static synchronized long requested() {
        return requested;
    }

    /** Records {@code bytes} of new native arrays; asks for a collection when the budget is spent. */
    public static void allocated(long bytes) {
        if (BUDGET <= 0 || bytes <= 0) {
            return;
        }
        boolean collect;
        synchronized (NativeBudget.class) {
            long collections = collections();
            if (collections != collectionsSeen) { // the JVM collected on its own: its dead arrays are being freed
                collectionsSeen = collections;
                sinceCollection = 0;
            }
            sinceCollection += bytes;
            collect = spent(sinceCollection, BUDGET);
            if (collect) {
                sinceCollection = 0;
                requested++;
            }
        }
        if (collect) {
            System.gc();
        }
    }

    /** True when {@code allocated} bytes since the last collection exceed a positive {@code budget}. */
    static boolean spent(long allocated, long budget) {
        return budget > 0 && allocated > budget;
    }

    private static long collections() {
        long n = 0;
        for (GarbageCollectorMXBean gc : COLLECTORS) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }
}
