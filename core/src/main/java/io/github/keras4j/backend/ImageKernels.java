package io.github.keras4j.backend;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The image computations under convolution and pooling layers, on channels-last arrays {@code (batch, height, width,
 * channels)} laid out by {@link Windows}. Layers call these and {@link Blas#gemm}, nothing else, so another
 * implementation (on ND4J ops, which can run on a GPU) can replace {@link #get()}'s without touching a layer. All
 * arrays are c-ordered and contiguous, of one type, float32 or float64; outputs are overwritten.
 */
public interface ImageKernels {
    /** The implementation layers use. */
    static ImageKernels get() {
        return JavaImageKernels.INSTANCE;
    }

    /**
     * im2col: row {@code (sample, position)} of {@code cols} ({@code batch * positions} by {@code patchSize}) holds the
     * window at that position, zeros where it lies on padding, so a convolution is {@code cols . kernel}.
     */
    void im2col(INDArray x, Windows w, INDArray cols);

    /** The transpose of {@link #im2col}: {@code dx} is the sum, at each input element, of the {@code dcols} entries copied from it. */
    void col2im(INDArray dcols, Windows w, INDArray dx);

    /**
     * The maximum of each window, per channel, into {@code out} {@code (batch, outH, outW, channels)}; padding takes
     * no part, and of equal values the first (row-major) wins. With {@code argmax} (as long as {@code out}) the winner's
     * index in {@code x} is kept for {@link #maxPoolBackward}.
     */
    void maxPool(INDArray x, Windows w, INDArray out, int[] argmax);

    /** {@code dx}: each output gradient added to the input element that won its window, zeros elsewhere. */
    void maxPoolBackward(INDArray gradOut, int[] argmax, INDArray dx);

    /** The mean of each window, per channel, over its elements inside the image (padding is not counted). */
    void averagePool(INDArray x, Windows w, INDArray out);

    /** {@code dx}: each output gradient shared equally among the input elements its window averaged. */
    void averagePoolBackward(INDArray gradOut, Windows w, INDArray dx);
}
