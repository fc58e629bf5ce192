package io.github.keras4j.backend;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * Whether keras4j's float32 kernels run on the JDK's Vector API, decided once per JVM, and said once in the log.
 *
 * <p>The Vector API ({@code jdk.incubator.vector}) is an incubator module in every JDK from 16 to 25: a JVM sees it
 * only when started with {@code --add-modules jdk.incubator.vector}. With it, inference through sigmoid and softmax
 * runs in float32 vectors ({@link FloatKernels}); without it, keras4j runs its plain-Java loops in double precision,
 * which give the same predictions within {@link FloatKernels#TOLERANCE}. Training is the same on both paths. The path
 * pays in a long-running process that predicts a lot: JDK 17's JIT spends about 1.4 s of CPU on the kernels once,
 * and a predict of 10,000 images through a small sigmoid model saves about 3 ms (docs/performance.md).
 *
 * <p>The path is on when the module is present, the CPU has float vectors of at least {@value #MIN_LANES} lanes, and
 * the system property {@value #PROPERTY} is not {@code false}. The kernels' class is loaded by reflection, so no class
 * that names the module is linked when it is absent.
 */
public final class Simd {
    /** System property: {@code false} keeps the plain-Java path even where the Vector API is present. */
    public static final String PROPERTY = "keras4j.vector";
    /** The JDK module the fast path needs. */
    public static final String MODULE = "jdk.incubator.vector";
    /** Fewer float lanes than this (no SIMD unit the JIT uses) would make the Vector API slower than plain loops. */
    public static final int MIN_LANES = 4;

    private static final Logger LOG = LoggerFactory.getLogger(Simd.class);
    private static final String IMPLEMENTATION = "io.github.keras4j.backend.vector.VectorFloatKernels";
    private static final FloatKernels KERNELS = load();

    private Simd() {
    }

    /** The Vector API kernels, or null when this JVM runs the plain-Java path. */
    public static FloatKernels kernels() {
        return KERNELS;
    }

    /** One line saying which path runs and how to get the other. */
    public static String describe() {
        return describe(KERNELS, moduleLoaded(), System.getProperty(PROPERTY));
    }

    static String describe(FloatKernels kernels, boolean moduleLoaded, String property) {
        if (kernels != null) {
            return "keras4j runs float32 inference on the Vector API (" + kernels.describe() + "); -D" + PROPERTY
                    + "=false turns it off";
        }
        if (!moduleLoaded) {
            return "keras4j runs its plain-Java kernels; start Java with --add-modules " + MODULE
                    + " for float32 inference on the Vector API (faster sigmoid and softmax)";
        }
        if (isOff(property)) {
            return "keras4j runs its plain-Java kernels: -D" + PROPERTY + "=" + property + " turned the Vector API off";
        }
        return "keras4j runs its plain-Java kernels: this CPU has fewer than " + MIN_LANES + " float vector lanes";
    }

    /** Whether the property turns the path off. */
    static boolean isOff(String property) {
        return property != null && property.trim().toLowerCase(Locale.ROOT).equals("false");
    }

    static boolean moduleLoaded() {
        return ModuleLayer.boot().findModule(MODULE).isPresent();
    }

    private static FloatKernels load() {
        FloatKernels kernels = null;
        String line = null;
        if (moduleLoaded() && !isOff(System.getProperty(PROPERTY))) {
            try {
                Class<?> type = Class.forName(IMPLEMENTATION);
                int lanes = (Integer) type.getMethod("lanes").invoke(null);
                if (lanes >= MIN_LANES) {
                    kernels = (FloatKernels) type.getConstructor().newInstance();
                }
            } catch (ReflectiveOperationException | LinkageError e) {
                // not expected on any JDK from 17 to 25; the plain path is always there
                line = "keras4j runs its plain-Java kernels: the Vector API kernels did not start (" + e + ")";
            }
        }
        LOG.info(line != null ? line : describe(kernels, moduleLoaded(), System.getProperty(PROPERTY)));
        return kernels;
    }
}
