package io.github.keras4j.utils;

import io.github.keras4j.backend.Simd;
import io.github.keras4j.backend.Threads;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What keras4j runs on: the JVM, the CPU, which libnd4j and OpenBLAS binaries were loaded and how many
 * threads each native pool uses. Print it with {@code java -cp <keras4j jars> io.github.keras4j.utils.EnvironmentReport}
 * or {@code System.out.println(EnvironmentReport.describe())} when comparing timings between machines.
 */
public final class EnvironmentReport {
    private EnvironmentReport() {
    }

    /** The report as ordered key-value pairs. */
    public static Map<String, String> entries() {
        Threads.ensureConfigured();
        NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        Runtime rt = Runtime.getRuntime();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("max heap", rt.maxMemory() / (1024 * 1024) + " MiB");
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("cpu", cpuModel() + ", " + rt.availableProcessors() + " logical cores");
        m.put("nd4j backend", Nd4j.getBackend().getClass().getSimpleName());
        m.put("libnd4j build", level(ops.binaryLevel()) + " (this CPU supports " + level(ops.optimalLevel()) + ")");
        m.put("libnd4j library", loadedLibrary("libnd4jcpu"));
        m.put("openblas version", openBlasVersion());
        m.put("openblas library", loadedLibrary("libopenblas"));
        m.put("kernels", Simd.describe());
        m.put("blas threads", Threads.blasThreads() + " (set with -D" + Threads.PROPERTY + "=N or " + Threads.ENVIRONMENT + ")");
        m.put("libnd4j threads", String.valueOf(Threads.nd4jThreads()));
        m.put("OMP_NUM_THREADS", String.valueOf(System.getenv("OMP_NUM_THREADS")));
        m.put("OMP_WAIT_POLICY", String.valueOf(System.getenv("OMP_WAIT_POLICY")));
        return m;
    }

    /** The report, one {@code key: value} line per entry. */
    public static String describe() {
        StringBuilder sb = new StringBuilder("keras4j environment\n");
        entries().forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
        return sb.toString();
    }

    public static void main(String[] args) {
        System.out.print(describe());
    }

    static String level(int level) {
        return switch (level) {
            case 1 -> "generic x86-64";
            case 2 -> "AVX2";
            case 3 -> "AVX-512";
            default -> "level " + level;
        };
    }

    /**
     * The OpenBLAS release of the JavaCPP build on the class path, read at run time: the constant is inlined
     * into code compiled against it, so reading it by reflection reports the jar actually used.
     */
    static String openBlasVersion() {
        try {
            Object version = Class.forName("org.bytedeco.openblas.global.openblas_nolapack").getField("OPENBLAS_VERSION").get(null);
            return String.valueOf(version).trim();
        } catch (ReflectiveOperationException | LinkageError e) {
            return "unknown (" + e + ")";
        }
    }

    /** The path of a loaded native library, from the process' memory map (Linux only). */
    static String loadedLibrary(String name) {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return "unknown (no /proc/self/maps on this system)";
        }
        try {
            List<String> lines = Files.readAllLines(maps);
            for (String line : lines) {
                int slash = line.indexOf('/');
                if (slash >= 0 && line.contains(name)) {
                    return line.substring(slash);
                }
            }
            return "not loaded";
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: fall through
        }
        return System.getProperty("os.arch");
    }
}
