package io.github.keras4j.backend;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

import static org.bytedeco.openblas.global.openblas_nolapack.blas_get_num_threads;
import static org.bytedeco.openblas.global.openblas_nolapack.blas_set_num_threads;

/**
 * The thread policy of the native libraries under keras4j.
 *
 * <p>ND4J runs two native thread pools: libnd4j's OpenMP pool (elementwise and reduction ops) and
 * OpenBLAS's own pool (matrix products). Both spin while idle, so on a small machine they fight each
 * other: DL4J trains 2.6-3.4x slower with ND4J's default of 2 threads than with 1 on a 2-core box.
 * keras4j does its elementwise work in Java and calls OpenBLAS directly, so it keeps libnd4j's pool at
 * one thread and gives the matrix products the threads.
 *
 * <p>The BLAS thread count is, in order: {@link #setBlasThreads(int)}; the system property
 * {@value #PROPERTY}; the environment variable {@value #ENVIRONMENT}; else {@link #DEFAULT_BLAS_THREADS}.
 */
public final class Threads {
    /** System property that sets the BLAS thread count. */
    public static final String PROPERTY = "keras4j.threads";
    /** Environment variable that sets the BLAS thread count. */
    public static final String ENVIRONMENT = "KERAS4J_THREADS";
    /** Default BLAS threads: the fastest setting measured for the classic MLPs (see docs/performance.md). */
    public static final int DEFAULT_BLAS_THREADS = 1;
    /** libnd4j's OpenMP pool: keras4j's hot path does not use it, and a spinning idle pool steals a core. */
    public static final int ND4J_THREADS = 1;

    private static volatile boolean configured;

    private Threads() {
    }

    /** Applies the policy once per JVM; cheap to call again. */
    public static void ensureConfigured() {
        if (configured) {
            return;
        }
        synchronized (Threads.class) {
            if (configured) {
                return;
            }
            Nd4j.getEnvironment().setMaxMasterThreads(ND4J_THREADS);
            Nd4j.getEnvironment().setMaxThreads(ND4J_THREADS);
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(ND4J_THREADS);
            blas_set_num_threads(requestedBlasThreads());
            configured = true;
        }
    }

    /** Sets the number of threads OpenBLAS uses for matrix products. */
    public static void setBlasThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("BLAS threads must be >= 1, got " + threads);
        }
        ensureConfigured();
        blas_set_num_threads(threads);
    }

    /** The number of threads OpenBLAS uses now. */
    public static int blasThreads() {
        ensureConfigured();
        return blas_get_num_threads();
    }

    /** The number of threads libnd4j's OpenMP pool uses now. */
    public static int nd4jThreads() {
        ensureConfigured();
        return NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
    }

    static int requestedBlasThreads() {
        String value = System.getProperty(PROPERTY);
        String source = "system property " + PROPERTY;
        if (value == null || value.isBlank()) {
            value = System.getenv(ENVIRONMENT);
            source = "environment variable " + ENVIRONMENT;
        }
        if (value == null || value.isBlank()) {
            return DEFAULT_BLAS_THREADS;
        }
        try {
            int threads = Integer.parseInt(value.trim());
            if (threads >= 1) {
                return threads;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the error below
        }
        throw new IllegalArgumentException(source + " must be a whole number >= 1, got '" + value + "'");
    }
}
