package io.github.keras4j.datasets;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Abandons a download that breaks its {@link DownloadLimits}: it closes the body stream and interrupts the
 * thread that created the watchdog when no byte arrived for {@code stall}, when {@code deadline} has passed since
 * the download started, or when a {@code rateWindow} brought fewer than {@code minBytesPerSecond} on average.
 *
 * <p>Why: {@link java.net.http.HttpClient} times out connecting and waiting for the response headers, but a
 * body that stops arriving, or trickles in, would block reads for ever. Its body stream ignores an interrupt
 * alone and keeps waiting; closed and then interrupted, the blocked read wakes up and fails. {@link #close()}
 * stops the watchdog and clears an interrupt it caused.
 */
final class DownloadWatchdog implements AutoCloseable {
    /** Which limit ended the download. */
    enum Reason { STALLED, TOO_SLOW, DEADLINE }

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "keras4j-download-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final Thread reader = Thread.currentThread();
    private final Closeable stream;
    private final DownloadLimits limits;
    private final long deadline;
    private final ScheduledFuture<?> check;
    private long lastProgress = System.nanoTime();
    private long windowStart = lastProgress;
    private long windowBytes;
    private boolean active = true;
    private Reason fired;

    /** @param started {@link System#nanoTime()} when the download began (before connecting) */
    DownloadWatchdog(Closeable stream, DownloadLimits limits, long started) {
        this.stream = stream;
        this.limits = limits;
        this.deadline = started + limits.deadline().toNanos();
        long shortest = Math.min(limits.stall().toMillis(), Math.min(limits.deadline().toMillis(), limits.rateWindow().toMillis()));
        long period = Math.max(10, shortest / 4);
        this.check = TIMER.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    /** {@code bytes} arrived: restart the stall countdown and count them towards the rate. */
    synchronized void progress(int bytes) {
        lastProgress = System.nanoTime();
        windowBytes += bytes;
    }

    /** The limit that ended the download, or null if none did. */
    synchronized Reason fired() {
        return fired;
    }

    private synchronized void check() {
        if (!active || fired != null) {
            return;
        }
        long now = System.nanoTime();
        if (now - deadline > 0) {
            fire(Reason.DEADLINE);
        } else if (now - lastProgress > limits.stall().toNanos()) {
            fire(Reason.STALLED);
        } else if (now - windowStart >= limits.rateWindow().toNanos()) {
            double seconds = (now - windowStart) / 1e9;
            if (windowBytes < limits.minBytesPerSecond() * seconds) {
                fire(Reason.TOO_SLOW);
            }
            windowStart = now;
            windowBytes = 0;
        }
    }

    private void fire(Reason reason) {
        fired = reason;
        try {
            stream.close();
        } catch (IOException | RuntimeException e) {
            // the interrupt below still wakes the reader, which then reports the reason
        }
        reader.interrupt();
    }

    @Override
    public void close() {
        check.cancel(false);
        synchronized (this) {
            active = false;
            if (fired != null) {
                Thread.interrupted(); // the interrupt was ours, not the caller's
            }
        }
    }
}
