package io.github.keras4j.models;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Who may use a model when. Inference (predict, evaluate, getWeights) takes a shared lock, so any number
 * of threads may run it at once. fit holds the exclusive lock for its whole run: other threads are then
 * refused at once, with a message, rather than made to wait or left to read half-updated weights. The
 * fitting thread itself (its callbacks) may still predict, evaluate and get or set weights, because the
 * exclusive holder of a {@link ReentrantReadWriteLock} may also take the shared lock.
 */
final class ModelGuard {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile Thread fitThread;

    void beginFit() {
        beginFit("fit");
    }

    /** As {@link #beginFit()} for another training method ({@code trainOnBatch}), named in the messages. */
    void beginFit(String method) {
        if (lock.isWriteLockedByCurrentThread()) {
            throw new IllegalStateException(method + "() was called while fit() is already running on this thread (from a callback?). "
                    + (method.equals("fit") ? "A model trains one fit at a time: call fit again after it returns."
                    : "A model trains one step at a time: call " + method + " after fit returns."));
        }
        if (lock.getReadHoldCount() > 0) {
            throw new IllegalStateException(method + "() was called from inside predict() or evaluate() on this model; call it after they return.");
        }
        if (!lock.writeLock().tryLock()) {
            Thread other = fitThread;
            if (other != null) {
                throw new IllegalStateException(method + "() was called on thread '" + Thread.currentThread().getName()
                        + "' while fit() is already running on thread '" + other.getName() + "'. Wait for it to return.");
            }
            lock.writeLock().lock(); // predictions on other threads are finishing: wait for them
        }
        fitThread = Thread.currentThread();
    }

    void endFit() {
        fitThread = null;
        lock.writeLock().unlock();
    }

    /** Runs read-only work, refused while another thread fits. */
    <T> T use(String method, Supplier<T> work) {
        if (!lock.readLock().tryLock()) {
            throw busy(method);
        }
        try {
            return work.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs a change of the model's structure or configuration, refused during fit (even from callbacks). */
    void change(String method, Runnable work) {
        if (fitThread == Thread.currentThread()) {
            throw new IllegalStateException(method + "() was called from a callback while fit() is running; "
                    + "change the model before or after fit, not during it.");
        }
        exclusive(method, work);
    }

    /** Runs a change of the weights: allowed on the fitting thread (EarlyStopping restores weights), refused elsewhere. */
    void changeWeights(Runnable work) {
        exclusive("setWeights", work);
    }

    private void exclusive(String method, Runnable work) {
        if (!lock.writeLock().tryLock()) {
            throw busy(method);
        }
        try {
            work.run();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private IllegalStateException busy(String method) {
        Thread other = fitThread;
        String here = Thread.currentThread().getName();
        if (other != null) {
            return new IllegalStateException(method + "() was called on thread '" + here + "' while fit() is running on thread '"
                    + other.getName() + "'. The weights change during fit, so the model cannot be used from another thread until "
                    + "fit returns: wait for it, or do the work in a callback (callbacks run on the fitting thread).");
        }
        return new IllegalStateException(method + "() was called on thread '" + here + "' while other threads are predicting or "
                + "evaluating with this model; change it after they finish.");
    }
}
