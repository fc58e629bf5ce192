package io.github.keras4j.layers;

import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;
import java.util.Locale;

/**
 * Checks, before a layer creates its weights, that they can exist: each weight at most {@value #MAX_VALUES}
 * values (the engine stages a weight through one Java array, and the optimizer keeps its slots in them), the
 * Java heap large enough to draw the largest one's initial values, and the machine's free memory large enough
 * for all of them and their gradients. Without this, {@code new Dense(50000).inputShape(50000)} failed with a
 * bare {@code ArithmeticException: integer overflow} and {@code Dense(1_500_000)} after 784 inputs with a bare
 * {@code OutOfMemoryError}.
 */
final class WeightAllocation {
    /** The most values one weight may hold: about the largest Java array, {@value}. */
    static final long MAX_VALUES = Integer.MAX_VALUE - 8;
    /**
     * Heap bytes per value while a weight is initialised: the initializer draws into a {@code double[]} and the
     * copy to native memory stages it as a {@code float[]}.
     */
    static final long HEAP_BYTES_PER_VALUE = Double.BYTES + Float.BYTES;

    private WeightAllocation() {
    }

    static void check(Layer layer, List<WeightSpec> specs, DataType type) {
        long nativeBytes = 0;
        WeightSpec largest = null;
        for (WeightSpec spec : specs) {
            long size = spec.size();
            if (size < 0 || size > MAX_VALUES) {
                throw new IllegalArgumentException(layer.describe() + " would hold a " + spec.name() + " of shape "
                        + Shape.describe(spec.shape()) + ": " + (size < 0 ? "more than " + grouped(Long.MAX_VALUE) : grouped(size))
                        + " values, more than the " + grouped(MAX_VALUES) + " keras4j can hold in one weight. " + SMALLER);
            }
            nativeBytes += size * type.width() * (spec.trainable() ? 2 : 1); // the value, and the gradient of a trainable one
            if (largest == null || size > largest.size()) {
                largest = spec;
            }
        }
        if (largest == null) {
            return;
        }
        Runtime rt = Runtime.getRuntime();
        long heapFree = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        long heapNeeded = largest.size() * HEAP_BYTES_PER_VALUE;
        if (heapNeeded > heapFree) {
            throw new IllegalArgumentException(layer.describe() + " needs " + bytes(heapNeeded) + " of Java heap to initialise its "
                    + largest.name() + " of shape " + Shape.describe(largest.shape()) + " (" + grouped(largest.size()) + " values), but only "
                    + bytes(heapFree) + " of heap is free. " + SMALLER + " Or give Java more heap, e.g. java -Xmx16g.");
        }
        long memoryFree = Pointer.availablePhysicalBytes();
        if (memoryFree > 0 && nativeBytes > memoryFree) {
            throw new IllegalArgumentException(layer.describe() + " needs " + bytes(nativeBytes) + " of memory for its weights and their"
                    + " gradients, but only " + bytes(memoryFree) + " of memory is free. " + SMALLER);
        }
    }

    /** What to do about a layer too large. */
    private static final String SMALLER = "Use a smaller layer (fewer units or filters) or make its input smaller first (e.g. with pooling).";

    static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 5.9 GB}: bytes in powers of 1024 with one decimal, as memory is reported. */
    static String bytes(long n) {
        String[] units = {"bytes", "KB", "MB", "GB", "TB"};
        double v = n;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? n + " bytes" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
