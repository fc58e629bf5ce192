package io.github.keras4j.backend;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs the parts of one large computation (a convolution's batch, split by samples) on several threads at once: the
 * calling thread runs part 0, a small pool of daemon threads the others, and the call returns when all are done.
 *
 * <p>Why not OpenBLAS's own threads for a convolution: its products there are tall and thin (tens of thousands of
 * rows, a few hundred columns), which OpenBLAS splits into many short steps with a join after each, and on a busy
 * machine every join waits for a descheduled thread; the im2col, col2im and pooling loops around them, in Java, use one
 * thread anyway. Split by samples, each part is one long computation on one thread, with a single join at its end.
 */
public final class Parallel {
    private static volatile ExecutorService pool;
    private static int poolSize;

    private Parallel() {
    }

    /**
     * Calls {@code body.accept(part)} for every part in {@code [0, parts)}, part 0 on this thread; rethrows the first
     * failure after all parts ended.
     */
    public static void forEach(int parts, IntConsumer body) {
        if (parts <= 1) {
            body.accept(0);
            return;
        }
        ExecutorService workers = workers(parts - 1);
        @SuppressWarnings("unchecked")
        Future<?>[] futures = new Future<?>[parts - 1];
        for (int p = 1; p < parts; p++) {
            int part = p;
            futures[p - 1] = workers.submit(() -> body.accept(part));
        }
        RuntimeException failure = null;
        try {
            body.accept(0);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (failure == null) {
                    failure = new IllegalStateException("interrupted while waiting for the other parts", e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static synchronized ExecutorService workers(int needed) {
        if (pool == null || poolSize < needed) {
            ExecutorService old = pool;
            AtomicInteger count = new AtomicInteger();
            pool = Executors.newFixedThreadPool(needed, r -> {
                Thread t = new Thread(r, "keras4j-worker-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            poolSize = needed;
            if (old != null) {
                old.shutdown();
            }
        }
        return pool;
    }
}
