package io.github.keras4j.backend;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.bytedeco.openblas.global.openblas_nolapack.blas_get_num_threads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ThreadsTest {
    @Test
    void defaultsAreOneBlasThreadAndOneLibnd4jThread() {
        assertEquals(1, Threads.DEFAULT_BLAS_THREADS);
        if (System.getProperty(Threads.PROPERTY) == null && System.getenv(Threads.ENVIRONMENT) == null) {
            assertEquals(Threads.DEFAULT_BLAS_THREADS, Threads.requestedBlasThreads());
        }
        assertEquals(Threads.ND4J_THREADS, Threads.nd4jThreads());
    }

    @Test
    void largeProductsSwitchToMoreThreadsAndOnlyALongRunOfSmallOnesSwitchesBack() {
        int before = Threads.blasThreads();
        try {
            Threads.setBlasThreads(2);
            INDArray a = Nd4j.rand(DataType.FLOAT, 32, 784), b = Nd4j.rand(DataType.FLOAT, 784, 64), c = Nd4j.create(DataType.FLOAT, 32, 64);
            INDArray big = Nd4j.rand(DataType.FLOAT, 200, 784), w = Nd4j.rand(DataType.FLOAT, 784, 100), out = Nd4j.create(DataType.FLOAT, 200, 100);
            for (int i = 0; i < Threads.SMALL_PRODUCTS_TO_SWITCH_BACK; i++) {
                Blas.gemm(false, false, 1, a, b, 0, c); // 1.6 M multiply-adds each
            }
            assertEquals(1, blas_get_num_threads(), "small products run on one thread");
            Blas.gemm(false, false, 1, big, w, 0, out); // 15.7 M
            assertEquals(2, blas_get_num_threads(), "a large product uses the threads");
            assertEquals(0, big.mmul(w).sub(out).amaxNumber().doubleValue(), 1e-3, "the same product with two threads");
            for (int i = 0; i < Threads.SMALL_PRODUCTS_TO_SWITCH_BACK - 1; i++) {
                Blas.gemm(false, false, 1, a, b, 0, c);
            }
            assertEquals(2, blas_get_num_threads(), "a few small products do not switch back (switching is expensive)");
            Blas.gemm(false, false, 1, a, b, 0, c);
            assertEquals(1, blas_get_num_threads(), "a long run of small products does");
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
