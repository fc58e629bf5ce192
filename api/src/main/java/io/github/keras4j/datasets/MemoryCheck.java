package io.github.keras4j.datasets;

/**
 * Refuses to read a dataset whose data cannot fit in the Java heap, before anything is read: reading it anyway
 * would end in a bare {@link OutOfMemoryError} after seconds of inflating, or take the memory the application
 * needs. The data is read into the heap and then copied into native memory, so it needs its size in heap.
 */
final class MemoryCheck {
    private MemoryCheck() {
    }

    /**
     * @param dataset   for the message: "MNIST"
     * @param what      for the message: "training split (60000 images of 28 x 28 and their labels)"
     * @param bytes     the heap the data needs
     */
    static void require(String dataset, String what, long bytes) {
        Runtime runtime = Runtime.getRuntime();
        long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        if (bytes > free) {
            System.gc(); // garbage may be all that stands in the way; a failure here costs a collection, not an OOM
            free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        }
        if (bytes > free) {
            throw new IllegalStateException("Cannot load " + dataset + ": its " + what + " needs " + bytes + " bytes of Java heap,"
                    + " more than the JVM has free (its maximum heap is " + runtime.maxMemory() / (1024 * 1024) + " MiB). Start Java"
                    + " with a larger heap, e.g. -Xmx2g, or load the test split alone (loadTestData()).");
        }
    }
}
