package io.github.keras4j.datasets;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a stream, and interrupts the thread that created the watchdog, when {@link #progress()} has not
 * been called for a while.
 *
 * <p>Why: {@link java.net.http.HttpClient} times out connecting and waiting for the response headers,
 * but a body that stops arriving would block a read forever. Its body stream ignores an interrupt alone
 * and keeps waiting; closed and then interrupted, the blocked read wakes up and fails. {@link #close()}
 * stops the watchdog and clears an interrupt it caused.
 */
final class StallWatchdog implements AutoCloseable {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "keras4j-download-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final Thread reader = Thread.currentThread();
    private final Closeable stream;
    private final long timeoutNanos;
    private final ScheduledFuture<?> check;
    private long lastProgress = System.nanoTime();
    private boolean active = true;
    private boolean fired;

    StallWatchdog(Closeable stream, Duration timeout) {
        this.stream = stream;
        this.timeoutNanos = timeout.toNanos();
        long period = Math.max(10, timeout.toMillis() / 4);
        this.check = TIMER.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    /** Data arrived: restart the countdown. */
    synchronized void progress() {
        lastProgress = System.nanoTime();
    }

    /** True if the watchdog interrupted the reader. */
    synchronized boolean fired() {
        return fired;
    }

    private synchronized void check() {
        if (active && !fired && System.nanoTime() - lastProgress > timeoutNanos) {
            fired = true;
            try {
                stream.close();
            } catch (IOException | RuntimeException e) {
                // the interrupt below still wakes the reader, which then reports the stall
            }
            reader.interrupt();
        }
    }

    @Override
    public void close() {
        check.cancel(false);
        synchronized (this) {
            active = false;
            if (fired) {
                Thread.interrupted(); // the interrupt was ours, not the caller's
            }
        }
    }
}
