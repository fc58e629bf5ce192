package io.github.keras4j.data;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * {@link Dataset#prefetch}: one background thread reads the batches of an epoch in order into a bounded queue while
 * the model trains on earlier ones. Out-of-order requests (fit's look at batch 0 before training, stepsPerEpoch
 * shorter than the data) stop the thread and read directly, so every request gets exactly the batch it names.
 * Exceptions of the source reach the caller of {@link #batch(int)} for the batch that failed.
 */
final class PrefetchDataset implements Dataset {
    /** What the thread hands over: a batch, the end of a stream (batch null), or the source's exception. */
    private record Item(int index, Batch batch, RuntimeException failure) {
    }

    private final Dataset source;
    private final int depth;
    private Thread worker;
    private BlockingQueue<Item> queue;
    private volatile boolean stop;
    private int next;

    PrefetchDataset(Dataset source, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("prefetch needs at least 1 batch to read ahead, got " + depth);
        }
        this.source = source;
        this.depth = depth;
    }

    @Override
    public int numBatches() {
        return source.numBatches();
    }

    @Override
    public synchronized void onEpochBegin() {
        stopWorker();
        source.onEpochBegin();
        startWorker(0);
    }

    @Override
    public synchronized Batch batch(int index) {
        if (worker == null && index == 0) {
            startWorker(0);
        }
        if (worker == null || index != next) {
            stopWorker();
            return source.batch(index);
        }
        Item item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopWorker();
            throw new DatasetException("interrupted while waiting for batch " + index + " of " + source, e);
        }
        next++;
        if (item.failure() != null) {
            stopWorker();
            throw item.failure();
        }
        if (item.batch() == null) {
            stopWorker();
        }
        return item.batch();
    }

    @Override
    public synchronized void onEpochEnd() {
        stopWorker();
        source.onEpochEnd();
    }

    @Override
    public synchronized void release() {
        stopWorker();
        source.release();
    }

    /** True while the reading thread runs (for tests). */
    synchronized boolean reading() {
        return worker != null && worker.isAlive();
    }

    private void startWorker(int first) {
        int count = source.numBatches();
        BlockingQueue<Item> q = new ArrayBlockingQueue<>(depth);
        stop = false;
        next = first;
        queue = q;
        worker = new Thread(() -> {
            for (int i = first; !stop && (count == UNKNOWN || i < count); i++) {
                Item item;
                try {
                    Batch b = source.batch(i);
                    item = new Item(i, b, null);
                } catch (RuntimeException e) {
                    item = new Item(i, null, e);
                }
                try {
                    q.put(item);
                } catch (InterruptedException e) {
                    return; // the JVM is stopping the thread
                }
                if (item.batch() == null) {
                    return; // the end of a stream, or a failure
                }
            }
        }, "keras4j-prefetch");
        worker.setDaemon(true); // never keeps the JVM alive
        worker.start();
    }

    private void stopWorker() {
        Thread w = worker;
        worker = null;
        if (w == null) {
            return;
        }
        stop = true;
        // Not interrupted: an interrupt closes the file channel a source may be reading. Emptying the queue frees a
        // thread waiting to hand over a batch; a thread inside the source finishes that one batch, then sees stop.
        BlockingQueue<Item> q = queue;
        try {
            while (w.isAlive()) {
                q.clear();
                w.join(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        queue = null;
    }

    @Override
    public String toString() {
        return source + ".prefetch(" + depth + ")";
    }
}
