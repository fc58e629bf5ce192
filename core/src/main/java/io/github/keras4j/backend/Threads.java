package io.github.keras4j.backend;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

import static org.bytedeco.openblas.global.openblas_nolapack.blas_set_num_threads;

/**
 * The thread policy of the native libraries under keras4j.
 *
 * <p>ND4J runs two native thread pools: libnd4j's OpenMP pool (elementwise and reduction ops) and
 * OpenBLAS's own pool (matrix products). Both spin while idle, so on a small machine they fight each
 * other: DL4J trains 2.6-3.4x slower with ND4J's default of 2 threads than with 1 on a 2-core box.
 * keras4j does its elementwise work in Java and calls OpenBLAS directly, so it keeps libnd4j's pool at
 * {@value #ND4J_THREADS} thread and gives the matrix products the threads.
 *
 * <p>Measured on a 2-core machine (docs/performance.md), a second BLAS thread makes the 100x784x500
 * products of a batch-100 MLP about 1.5x faster, but the 32x784x64 products of a batch-32 MLP slower:
 * waking and joining a thread costs more than it saves there. And switching OpenBLAS's thread count is
 * itself expensive (switching at every product made a training epoch 1.6x slower). So the count is chosen
 * once per forward pass (and its backward pass), from the pass' largest product: at least
 * {@value #PARALLEL_MIN_WORK} multiply-adds gives {@link #blasThreads()} threads, less gives one. A model whose
 * products are small trains on one thread, a large one on all, and a small model switches twice per epoch
 * at most (for a large-batch evaluation). The choice depends only on the model and the batch size, never
 * on what ran before, so results stay reproducible bit for bit (thread count changes OpenBLAS's
 * summation order).
 *
 * <p>The most BLAS threads is, in order: {@link #setBlasThreads(int)}; the system property
 * {@value #PROPERTY}; the environment variable {@value #ENVIRONMENT}; else the number of processors. On the
 * 2-core machine we measure on, that made the batch-100 MLP's epochs 1.35x faster and predict in batches of
 * 1,000 up to 1.45x faster than one thread, and left the batch-32 and batch-10 MLPs unchanged (their products
 * stay on one thread). A machine that is busy with other work may be faster with {@code -Dkeras4j.threads=1}.
 */
public final class Threads {
    /** System property that sets the most BLAS threads a product may use. */
    public static final String PROPERTY = "keras4j.threads";
    /** Environment variable that sets the most BLAS threads a product may use. */
    public static final String ENVIRONMENT = "KERAS4J_THREADS";
    /** libnd4j's OpenMP pool: keras4j's hot path does not use it, and a spinning idle pool steals a core. */
    public static final int ND4J_THREADS = 1;
    /** Products of at least this many multiply-adds (m * n * k) use more than one BLAS thread. */
    public static final long PARALLEL_MIN_WORK = 8_000_000;

    private static volatile boolean configured;
    private static volatile int maxBlasThreads = 1;
    private static volatile int currentBlasThreads = -1;

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
            maxBlasThreads = requestedBlasThreads();
            use(1);
            configured = true;
        }
    }

    /** Sets the most threads OpenBLAS may use for one large matrix product. */
    public static void setBlasThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("BLAS threads must be >= 1, got " + threads);
        }
        ensureConfigured();
        maxBlasThreads = threads;
        if (currentBlasThreads > threads) {
            use(threads);
        }
    }

    /** The most threads OpenBLAS may use for one large matrix product. */
    public static int blasThreads() {
        ensureConfigured();
        return maxBlasThreads;
    }

    /** The number of threads libnd4j's OpenMP pool uses now. */
    public static int nd4jThreads() {
        ensureConfigured();
        return NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
    }

    /** Chooses OpenBLAS's thread count for a pass whose largest product has {@code work} multiply-adds. */
    public static void forPass(long work) {
        ensureConfigured();
        use(work >= PARALLEL_MIN_WORK ? maxBlasThreads : 1);
    }

    /**
     * Runs {@code work} with OpenBLAS on one thread, then restores the pass' count: for work that runs its own
     * products on several threads at once ({@link Parallel}), where OpenBLAS threads on top would oversubscribe the cores.
     */
    public static void withOneBlasThread(Runnable work) {
        ensureConfigured();
        int before = currentBlasThreads;
        use(1);
        try {
            work.run();
        } finally {
            use(before);
        }
    }

    private static void use(int threads) {
        if (threads != currentBlasThreads) {
            blas_set_num_threads(threads);
            currentBlasThreads = threads;
        }
    }

    static int requestedBlasThreads() {
        String value = System.getProperty(PROPERTY);
        String source = "system property " + PROPERTY;
        if (value == null || value.isBlank()) {
            value = System.getenv(ENVIRONMENT);
            source = "environment variable " + ENVIRONMENT;
        }
        if (value == null || value.isBlank()) {
            return Runtime.getRuntime().availableProcessors();
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
