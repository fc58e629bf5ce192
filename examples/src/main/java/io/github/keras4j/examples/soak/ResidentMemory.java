package io.github.keras4j.examples.soak;

import javax.management.JMException;
import javax.management.ObjectName;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resident memory (Linux {@code /proc/self/smaps}) split into the part inside the Java heap's address range and
 * the rest. The heap part grows whenever the collector starts using heap pages it had committed but never
 * touched, which is bounded by the committed heap and is not a leak; the rest holds ND4J's array buffers (libnd4j
 * allocates them with its own allocator, which no Java-side counter sees), OpenBLAS, metaspace, code and stacks.
 */
final class ResidentMemory {
    private static final Pattern ADDRESS = Pattern.compile("0x([0-9a-fA-F]+)");
    private static final Pattern MAPPING = Pattern.compile("^([0-9a-f]+)-([0-9a-f]+) .*");

    /** The heap's reserved address range {@code [start, end)}, or null where it cannot be found. */
    private final long[] heap = heapRange();

    /** {@code {resident inside the heap range, resident in all}} in bytes; {@code {-1, -1}} off Linux. */
    long[] read() {
        long inHeap = 0, total = 0;
        long start = 0, end = 0;
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("/proc/self/smaps"));
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
        for (String line : lines) {
            Matcher m = MAPPING.matcher(line);
            if (m.matches()) {
                start = Long.parseUnsignedLong(m.group(1), 16);
                end = Long.parseUnsignedLong(m.group(2), 16);
            } else if (line.startsWith("Rss:")) {
                long bytes = Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                total += bytes;
                if (heap != null && start >= heap[0] && end <= heap[1]) {
                    inHeap += bytes;
                }
            }
        }
        return new long[] {heap == null ? -1 : inHeap, total};
    }

    /** The lowest and highest address the collector reports for its heap ({@code jcmd <pid> GC.heap_info}). */
    static long[] heapRange() {
        try {
            String info = (String) ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "gcHeapInfo", new Object[] {new String[0]}, new String[] {String[].class.getName()});
            int cut = info.indexOf("Metaspace"); // the heap's lines come first
            return rangeOf(cut < 0 ? info : info.substring(0, cut));
        } catch (JMException | RuntimeException e) {
            return null;
        }
    }

    /** The smallest and largest address in {@code text}, or null if it holds none. */
    static long[] rangeOf(String text) {
        Matcher m = ADDRESS.matcher(text);
        long low = Long.MAX_VALUE, high = Long.MIN_VALUE;
        while (m.find()) {
            long a = Long.parseUnsignedLong(m.group(1), 16);
            low = Math.min(low, a);
            high = Math.max(high, a);
        }
        return low <= high ? new long[] {low, high} : null;
    }
}
