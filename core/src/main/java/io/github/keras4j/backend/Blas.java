package io.github.keras4j.backend;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

/**
 * Matrix products, calling OpenBLAS (the JavaCPP build ND4J loads; keras4j's pom picks its version) directly on the
 * arrays' memory.
 *
 * <p>Why not {@code INDArray.mmuli}: measured on a 2-core Zen 3, ND4J's Java-side preparation costs
 * about 22 us per call, doubling the time of a 32x784x64 product (118 us vs 65 us) and dwarfing a
 * 32x64x10 one (24 us vs 1.5 us). The arrays and the BLAS library are the same; only the path differs.
 */
public final class Blas {
    private Blas() {
    }

    /**
     * {@code c = alpha * op(a) . op(b) + beta * c}, where op transposes when asked. All three arrays are
     * 2-D, c-ordered and contiguous (row-range views qualify), and of one type, float32 or float64.
     */
    public static void gemm(boolean transA, boolean transB, double alpha, INDArray a, INDArray b, double beta, INDArray c) {
        check(a, b, c);
        int aRows = (int) a.rows(), aCols = (int) a.columns();
        int bRows = (int) b.rows(), bCols = (int) b.columns();
        int m = transA ? aCols : aRows;
        int k = transA ? aRows : aCols;
        int kb = transB ? bCols : bRows;
        int n = transB ? bRows : bCols;
        if (k != kb || c.rows() != m || c.columns() != n) {
            throw new IllegalArgumentException("gemm shapes do not agree: op(a) " + m + "x" + k + ", op(b) " + kb + "x" + n
                    + ", c " + c.rows() + "x" + c.columns());
        }
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            c.muli(beta);
            return;
        }
        int ta = transA ? CblasTrans : CblasNoTrans;
        int tb = transB ? CblasTrans : CblasNoTrans;
        if (c.dataType() == DataType.FLOAT) {
            cblas_sgemm(CblasRowMajor, ta, tb, m, n, k, (float) alpha, NativeMemory.floatPointer(a, 0), aCols,
                    NativeMemory.floatPointer(b, 1), bCols, (float) beta, NativeMemory.floatPointer(c, 2), n);
        } else {
            cblas_dgemm(CblasRowMajor, ta, tb, m, n, k, alpha, NativeMemory.doublePointer(a, 0), aCols,
                    NativeMemory.doublePointer(b, 1), bCols, beta, NativeMemory.doublePointer(c, 2), n);
        }
    }

    private static void checkMatrix(INDArray x) {
        if (x.rank() != 2) {
            throw new IllegalArgumentException("gemm needs 2-D arrays, got shape " + Arrays.toString(x.shape()));
        }
        NativeMemory.requireStageable(x);
    }

    private static void check(INDArray a, INDArray b, INDArray c) {
        checkMatrix(a);
        checkMatrix(b);
        checkMatrix(c);
        if (a.dataType() != c.dataType() || b.dataType() != c.dataType()) {
            throw new IllegalArgumentException("gemm needs one data type, got " + a.dataType() + ", " + b.dataType() + ", " + c.dataType());
        }
    }
}
