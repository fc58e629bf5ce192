package io.github.keras4j.examples.soak;

import org.bytedeco.javacpp.Pointer;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * The memory figures of this process at one moment, in bytes, as the JVM, JavaCPP and Linux report them: no
 * collection is forced before reading them. -1 marks a figure this platform does not give.
 *
 * @param label          where in the run the sample was taken, e.g. {@code epoch 20}
 * @param heapUsed       the Java heap in use ({@code MemoryMXBean}): live objects and garbage not yet collected
 * @param heapAfterGc    the Java heap in use right after the latest collection (the collector's {@code GcInfo})
 * @param heapCommitted  the Java heap the JVM has reserved memory for
 * @param heapResident   resident memory inside the heap's address range: the committed heap pages touched so far
 * @param javacpp        native memory allocated through JavaCPP and not yet freed ({@code Pointer.totalBytes()})
 * @param physical       resident memory as JavaCPP reads it ({@code Pointer.physicalBytes()})
 * @param rss            resident memory of the process ({@code VmRSS} in {@code /proc/self/status})
 * @param nativeResident resident memory outside the Java heap, where ND4J's array buffers live
 */
public record MemorySample(String label, long heapUsed, long heapAfterGc, long heapCommitted, long heapResident, long javacpp,
                           long physical, long rss, long nativeResident) {

    /**
     * A figure of a sample, with its column title; {@code judged} figures are held to the growth limit. The heap
     * in use rises between collections and falls at each, and after a young collection it still holds promoted
     * garbage, so both are shown and the heap is judged by {@link #liveHeap()} instead; resident memory includes
     * heap pages the collector touches for the first time (bounded by the committed heap), so it is shown but
     * judged outside the heap.
     */
    public record Figure(String title, ToLongFunction<MemorySample> value, boolean judged) {
    }

    /** The figures in table order. */
    public static final List<Figure> FIGURES = List.of(
            new Figure("heap used", MemorySample::heapUsed, false),
            new Figure("heap after GC", MemorySample::heapAfterGc, false),
            new Figure("heap committed", MemorySample::heapCommitted, true),
            new Figure("heap resident", MemorySample::heapResident, false),
            new Figure("JavaCPP", MemorySample::javacpp, true),
            new Figure("JavaCPP physical", MemorySample::physical, false),
            new Figure("RSS", MemorySample::rss, false),
            new Figure("RSS outside heap", MemorySample::nativeResident, true));

    private static final ResidentMemory RESIDENT = new ResidentMemory();

    /** The figures now. */
    public static MemorySample take(String label) {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long[] resident = RESIDENT.read();
        long outside = resident[0] < 0 ? -1 : resident[1] - resident[0];
        return new MemorySample(label, heap.getUsed(), heapAfterLastGc(), heap.getCommitted(), resident[0], Pointer.totalBytes(),
                Pointer.physicalBytes(), readRss(), outside);
    }

    /**
     * The live heap: the heap in use right after a full collection, which this asks for. Only this says whether
     * objects pile up; the heap in use after an ordinary young collection still holds dead objects that were
     * promoted to the old generation and wait for a full or mixed collection.
     */
    public static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The heap in use after the most recent collection of any collector; -1 before the first. */
    static long heapAfterLastGc() {
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        com.sun.management.GcInfo latest = null;
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (bean instanceof com.sun.management.GarbageCollectorMXBean gc) {
                com.sun.management.GcInfo info = gc.getLastGcInfo();
                if (info != null && (latest == null || info.getEndTime() > latest.getEndTime())) {
                    latest = info;
                }
            }
        }
        if (latest == null) {
            return -1;
        }
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : latest.getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        return used;
    }

    /** VmRSS of this process in bytes, -1 where {@code /proc} is missing. */
    static long readRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no figure
        }
        return -1;
    }
}
