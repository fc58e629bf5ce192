package io.github.keras4j.backend;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PerThreadTest {
    @Test
    void eachThreadHasItsOwnValueMadeOnce() throws InterruptedException {
        AtomicInteger made = new AtomicInteger();
        PerThread<Object> perThread = new PerThread<>(() -> {
            made.incrementAndGet();
            return new Object();
        });
        Object mine = perThread.get();
        assertSame(mine, perThread.get());
        Object[] other = new Object[1];
        Thread t = new Thread(() -> other[0] = perThread.get());
        t.start();
        t.join();
        assertNotSame(mine, other[0]);
        assertEquals(2, made.get());
    }

    @Test
    void valuesOfDroppedOwnersAreReleased() throws InterruptedException {
        int before = PerThread.heldByThisThread();
        for (int i = 0; i < 1000; i++) {
            new PerThread<>(() -> new byte[1024]).get(); // an owner used once, then dropped, as a model's layer
        }
        for (int attempt = 0; attempt < 50 && PerThread.heldByThisThread() > before + 100; attempt++) {
            System.gc();
            Thread.sleep(20);
        }
        assertTrue(PerThread.heldByThisThread() <= before + 100, "held " + PerThread.heldByThisThread());
    }
}
