package io.github.keras4j.backend;

/**
 * Where the sliding windows of a 2-D convolution or pooling fall on a channels-last image {@code (height, width,
 * channels)}: the window size, strides, dilation, the padding before the first row and column, and the output size.
 *
 * <p>Padding follows Keras (and TensorFlow): {@code "valid"} uses only whole windows, {@code out = floor((in - span) /
 * stride) + 1} with {@code span = (size - 1) * dilation + 1}; {@code "same"} gives {@code out = ceil(in / stride)} and
 * pads {@code max((out - 1) * stride + span - in, 0)} in total, half of it (rounded down) before, the rest after: an odd
 * extra row or column goes at the bottom or right.
 *
 * <p>{@link #offsets()} lists, for each output position and window element, where the element's run of channels
 * starts in a sample (or -1 where the window lies on padding); every kernel walks this one table.
 */
public final class Windows {
    private final int height, width, channels;
    private final int sizeH, sizeW, strideH, strideW, dilationH, dilationW;
    private final int padTop, padLeft, outH, outW;
    private int[] offsets;

    private Windows(int height, int width, int channels, int sizeH, int sizeW, int strideH, int strideW,
                    int dilationH, int dilationW, boolean same) {
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.sizeH = sizeH;
        this.sizeW = sizeW;
        this.strideH = strideH;
        this.strideW = strideW;
        this.dilationH = dilationH;
        this.dilationW = dilationW;
        int spanH = (sizeH - 1) * dilationH + 1, spanW = (sizeW - 1) * dilationW + 1;
        if (same) {
            outH = ceilDiv(height, strideH);
            outW = ceilDiv(width, strideW);
            padTop = Math.max((outH - 1) * strideH + spanH - height, 0) / 2;
            padLeft = Math.max((outW - 1) * strideW + spanW - width, 0) / 2;
        } else {
            outH = height >= spanH ? (height - spanH) / strideH + 1 : 0;
            outW = width >= spanW ? (width - spanW) / strideW + 1 : 0;
            padTop = 0;
            padLeft = 0;
        }
    }

    /** The windows of {@code size} over an image, {@code same} for Keras' "same" padding, else "valid". */
    public static Windows of(int height, int width, int channels, int sizeH, int sizeW, int strideH, int strideW,
                             int dilationH, int dilationW, boolean same) {
        return new Windows(height, width, channels, sizeH, sizeW, strideH, strideW, dilationH, dilationW, same);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    public int outHeight() {
        return outH;
    }

    public int outWidth() {
        return outW;
    }

    public int channels() {
        return channels;
    }

    public int padTop() {
        return padTop;
    }

    public int padLeft() {
        return padLeft;
    }

    /** Output positions per sample. */
    public int positions() {
        return outH * outW;
    }

    /** Elements of one window (without channels). */
    public int windowSize() {
        return sizeH * sizeW;
    }

    /** Values of one window: an im2col row, ordered (row, column, channel) as a Keras kernel {@code (kh, kw, in, out)}. */
    public int patchSize() {
        return sizeH * sizeW * channels;
    }

    /** Values of one input sample. */
    public int sampleSize() {
        return height * width * channels;
    }

    /**
     * For output position {@code p} and window element {@code k} (row-major within the window), entry
     * {@code p * windowSize() + k}: the offset in a sample of the element's first channel, or -1 on padding.
     */
    public synchronized int[] offsets() {
        if (offsets == null) {
            int[] o = new int[positions() * windowSize()];
            int i = 0;
            for (int oh = 0; oh < outH; oh++) {
                for (int ow = 0; ow < outW; ow++) {
                    for (int kh = 0; kh < sizeH; kh++) {
                        int ih = oh * strideH - padTop + kh * dilationH;
                        for (int kw = 0; kw < sizeW; kw++) {
                            int iw = ow * strideW - padLeft + kw * dilationW;
                            boolean inside = ih >= 0 && ih < height && iw >= 0 && iw < width;
                            o[i++] = inside ? (ih * width + iw) * channels : -1;
                        }
                    }
                }
            }
            offsets = o;
        }
        return offsets;
    }
}
