package io.github.keras4j.backend;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import io.github.keras4j.engine.LayerStack;
import io.github.keras4j.layers.Dense;

import static org.bytedeco.openblas.global.openblas_nolapack.blas_get_num_threads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ThreadsTest {
    @Test
    void defaultsAreEveryProcessorForLargeProductsAndOneLibnd4jThread() {
        if (System.getProperty(Threads.PROPERTY) == null && System.getenv(Threads.ENVIRONMENT) == null) {
            assertEquals(Runtime.getRuntime().availableProcessors(), Threads.requestedBlasThreads());
        }
        assertEquals(Threads.ND4J_THREADS, Threads.nd4jThreads());
    }

    @Test
    void eachPassChoosesFromItsLargestProductOnly() {
        int before = Threads.blasThreads();
        try {
            Threads.setBlasThreads(2);
            LayerStack small = new LayerStack();
            small.add(new Dense(64, "sigmoid").inputShape(784));
            small.add(new Dense(10, "softmax"));
            INDArray batch32 = Nd4j.rand(DataType.FLOAT, 32, 784);
            small.forward(batch32, false); // 32 * 784 * 64 = 1.6 M multiply-adds
            assertEquals(1, blas_get_num_threads(), "small products run on one thread");
            small.forward(Nd4j.rand(DataType.FLOAT, 1000, 784), false); // 50 M
            assertEquals(2, blas_get_num_threads(), "a large-batch pass uses the threads");
            INDArray a = small.forward(batch32, false).dup();
            assertEquals(1, blas_get_num_threads(), "the next small pass is back on one, whatever ran before");
            assertEquals(a, small.forward(batch32, false), "and gives the same bits");
        } finally {
            Threads.setBlasThreads(before);
        }
    }

    @Test
    void badCountsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Threads.setBlasThreads(0));
        assertEquals("BLAS threads must be >= 1, got 0", e.getMessage());
    }
}
