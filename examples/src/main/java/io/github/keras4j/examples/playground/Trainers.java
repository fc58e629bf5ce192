package io.github.keras4j.examples.playground;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The threads that train playing tabs: at most {@code max} at once, each tab for a turn of {@value #TURN_MILLIS} ms
 * before it queues again behind the tabs that wait, so every playing tab advances and the machine's load stays
 * bounded. A tab that waits is told so. Iterations are paced to at most one per {@value #MIN_ITERATION_MILLIS} ms:
 * the point is to watch training, and an unpaced loop would take whole cores for a picture nobody can follow.
 */
public final class Trainers {
    static final long TURN_MILLIS = 1000;
    static final long MIN_ITERATION_MILLIS = 5;
    /** Frames are published at most this often while training. */
    static final long FRAME_MILLIS = 100;

    private final int max;
    private final ExecutorService pool;
    private final Set<PlaygroundSession> queued = ConcurrentHashMap.newKeySet();
    private final AtomicInteger training = new AtomicInteger();
    private final Consumer<PlaygroundSession> publish;

    /** {@code publish} is called (from a trainer thread) whenever a tab has a new frame. */
    public Trainers(int max, Consumer<PlaygroundSession> publish) {
        if (max < 1) {
            throw new IllegalArgumentException("--max-training must be at least 1, got " + max + ".");
        }
        this.max = max;
        this.publish = publish;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(max, r -> {
            Thread t = new Thread(r, "playground-trainer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts (or keeps) {@code session} training; it waits, told so, while all trainers are busy. */
    public void play(PlaygroundSession session) {
        session.setPlaying(true);
        enqueue(session);
    }

    private void enqueue(PlaygroundSession session) {
        if (!queued.add(session)) {
            return; // already queued or training
        }
        int busy = training.get();
        if (busy >= max) {
            session.setStatus(waitingMessage(busy));
            publish.accept(session);
        }
        pool.execute(() -> turn(session));
    }

    /** The message a tab shows while it waits. */
    String waitingMessage(int busy) {
        return "Waiting: " + busy + " other page" + (busy == 1 ? " is" : "s are") + " training (at most " + max
                + " at once); this one starts when one of them pauses or closes.";
    }

    private void turn(PlaygroundSession session) {
        training.incrementAndGet();
        try {
            session.setStatus("");
            long end = System.currentTimeMillis() + TURN_MILLIS;
            long lastFrame = 0;
            while (session.playing() && System.currentTimeMillis() < end && !Thread.currentThread().isInterrupted()) {
                long start = System.nanoTime();
                session.step();
                long now = System.currentTimeMillis();
                if (now - lastFrame >= FRAME_MILLIS) {
                    publish.accept(session);
                    lastFrame = now;
                }
                long left = MIN_ITERATION_MILLIS - (System.nanoTime() - start) / 1_000_000;
                if (left > 0) {
                    Thread.sleep(left);
                }
            }
            publish.accept(session);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            session.setPlaying(false);
            session.setStatus("Training stopped: " + e.getMessage());
            publish.accept(session);
        } finally {
            training.decrementAndGet();
            queued.remove(session);
        }
        if (session.playing() && !pool.isShutdown()) {
            enqueue(session); // behind the tabs that wait
        }
    }

    /** Tabs training right now. */
    public int training() {
        return training.get();
    }

    /** Stops every trainer; playing tabs stop at their next iteration. */
    public void shutdown() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
