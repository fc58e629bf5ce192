package io.github.keras4j.layers;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.initializers.Fans;
import io.github.keras4j.testing.GradientCheck;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Conv2D worked by hand and against a direct convolution written from Keras' definition, window by window. */
class Conv2DTest {
    /** The 4x4 image 1..16, row by row, one channel. */
    private static INDArray sixteen(DataType type) {
        double[] v = new double[16];
        for (int i = 0; i < 16; i++) {
            v[i] = i + 1;
        }
        INDArray x = NativeMemory.create(type, 1, 4, 4, 1);
        NativeMemory.write(v, x);
        return x;
    }

    /** A 3x3 kernel with ones on its diagonal: each output is x[i][j] + x[i+1][j+1] + x[i+2][j+2] (+ bias). */
    private static Conv2D diagonal(String padding) {
        Conv2D conv = new Conv2D(1, 3).padding(padding);
        conv.build(Shape.of(4, 4, 1), DataType.DOUBLE);
        double[] k = new double[9];
        k[0] = k[4] = k[8] = 1;
        NativeMemory.write(k, conv.kernel().value());
        conv.bias().value().assign(0.5);
        return conv;
    }

    @Test
    void aFourByFourImageThroughAThreeByThreeKernelValid() {
        double[] y = NativeMemory.read(diagonal("valid").forward(sixteen(DataType.DOUBLE), false));
        // (1 + 6 + 11), (2 + 7 + 12), (5 + 10 + 15), (6 + 11 + 16), each + 0.5
        assertArrayEquals(new double[] {18.5, 21.5, 30.5, 33.5}, y);
    }

    @Test
    void aFourByFourImageThroughAThreeByThreeKernelSame() {
        Conv2D conv = diagonal("same");
        INDArray y = conv.forward(sixteen(DataType.DOUBLE), false);
        assertArrayEquals(new long[] {1, 4, 4, 1}, y.shape());
        // one row and column of zeros on each side: corner (0,0) sees 0 + 1 + 6, corner (3,3) sees 11 + 16 + 0
        double[] v = NativeMemory.read(y);
        assertEquals(7.5, v[0]);
        assertEquals(18.5, v[5]); // (1,1): 1 + 6 + 11
        assertEquals(27.5, v[15]);
        assertEquals(4.5, v[3]); // (0,3): padding, x[0][3] = 4, padding (row -1 and column 4)
    }

    @Test
    void samePaddingPutsTheOddExtraRowAndColumnAtTheBottomRight() {
        Conv2D conv = new Conv2D(1, 2).padding("same").useBias(false);
        conv.build(Shape.of(4, 4, 1), DataType.DOUBLE);
        conv.kernel().value().assign(1);
        double[] v = NativeMemory.read(conv.forward(sixteen(DataType.DOUBLE), false));
        assertEquals(1 + 2 + 5 + 6, v[0], "no padding above or left: the first window is the top-left 2x2");
        assertEquals(16, v[15], "the padding is below and right of the last pixel");
        assertEquals(4 + 8, v[3]);
    }

    @Test
    void stridesAndDilationPickTheKerasWindows() {
        // 5x5, 3x3 kernel, stride 2, same: 3x3 output, padding 1 on every side
        Conv2D strided = new Conv2D(1, 3).padding("same").strides(2, 2);
        assertEquals(Shape.of(3, 3, 1), strided.computeOutputShape(Shape.of(5, 5, 1)));
        // 4x4, 3x3 kernel, stride 2, same: 2x2 output, one padding row and column, at the bottom and right
        assertEquals(Shape.of(2, 2, 7), new Conv2D(7, 3).padding("same").strides(2).computeOutputShape(Shape.of(4, 4, 3)));
        // dilation 2 spreads a 3x3 kernel over 5x5: a 7x7 image gives 3x3
        assertEquals(Shape.of(3, 3, 1), new Conv2D(1, 3).dilationRate(2).computeOutputShape(Shape.of(7, 7, 1)));
        assertEquals(Shape.of(26, 26, 32), new Conv2D(32, 3, "relu").computeOutputShape(Shape.of(28, 28, 1)));
    }

    @Test
    void matchesADirectConvolutionInEveryPaddingStrideAndDilation() {
        int[][] configs = {{3, 3, 1, 1, 0}, {3, 3, 2, 1, 1}, {2, 3, 1, 2, 1}, {3, 2, 2, 1, 0}, {1, 1, 1, 1, 0}, {4, 4, 3, 1, 1}};
        for (int[] cfg : configs) {
            int kh = cfg[0], kw = cfg[1], stride = cfg[2], dilation = cfg[3];
            boolean same = cfg[4] == 1;
            int h = 7, w = 6, c = 3, f = 4, n = 2;
            Conv2D conv = new Conv2D(f, kh).kernelSize(kh, kw).strides(stride).dilationRate(dilation).padding(same ? "same" : "valid");
            conv.build(Shape.of(h, w, c), DataType.DOUBLE);
            double[] k = GradientCheck.randomVector(kh * kw * c * f, 5);
            double[] b = GradientCheck.randomVector(f, 6);
            NativeMemory.write(k, conv.kernel().value());
            NativeMemory.write(b, conv.bias().value());
            double[] x = GradientCheck.randomVector(n * h * w * c, 7);
            INDArray y = conv.forward(GradientCheck.doubles(x, n, h, w, c), false);
            int oh = (int) y.size(1), ow = (int) y.size(2);
            int spanH = (kh - 1) * dilation + 1, spanW = (kw - 1) * dilation + 1;
            int outH = same ? (h + stride - 1) / stride : (h - spanH) / stride + 1;
            int outW = same ? (w + stride - 1) / stride : (w - spanW) / stride + 1;
            assertEquals(outH, oh);
            assertEquals(outW, ow);
            int top = same ? Math.max((outH - 1) * stride + spanH - h, 0) / 2 : 0;
            int left = same ? Math.max((outW - 1) * stride + spanW - w, 0) / 2 : 0;
            double[] got = NativeMemory.read(y);
            for (int s = 0; s < n; s++) {
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        for (int o = 0; o < f; o++) {
                            double sum = b[o];
                            for (int a = 0; a < kh; a++) {
                                for (int e = 0; e < kw; e++) {
                                    int r = i * stride - top + a * dilation, q = j * stride - left + e * dilation;
                                    if (r < 0 || r >= h || q < 0 || q >= w) {
                                        continue;
                                    }
                                    for (int ch = 0; ch < c; ch++) {
                                        sum += x[((s * h + r) * w + q) * c + ch] * k[((a * kw + e) * c + ch) * f + o];
                                    }
                                }
                            }
                            assertEquals(sum, got[((s * oh + i) * ow + j) * f + o], 1e-12, java.util.Arrays.toString(cfg));
                        }
                    }
                }
            }
        }
    }

    @Test
    void aLargeBatchSplitAcrossThreadsGivesWhatItsSamplesGiveOneByOne() {
        int before = io.github.keras4j.backend.Threads.blasThreads();
        io.github.keras4j.backend.Threads.setBlasThreads(2);
        try {
            // 20 x (14 x 14 positions) x (3 x 3 x 8) x 32 = 9.0M multiply-adds: above Threads.PARALLEL_MIN_WORK, so split in two
            int n = 20, h = 16, w = 16, c = 8, f = 32;
            Conv2D big = new Conv2D(f, 3, "relu");
            big.build(Shape.of(h, w, c), DataType.DOUBLE);
            Conv2D one = new Conv2D(f, 3, "relu");
            one.build(Shape.of(h, w, c), DataType.DOUBLE);
            double[] k = GradientCheck.randomVector(9 * c * f, 11);
            NativeMemory.write(k, big.kernel().value());
            NativeMemory.write(k, one.kernel().value());
            double[] x = GradientCheck.randomVector(n * h * w * c, 12);
            double[] g = GradientCheck.randomVector(n * 14 * 14 * f, 13);
            double[] y = NativeMemory.read(big.forward(GradientCheck.doubles(x, n, h, w, c), true));
            double[] dx = NativeMemory.read(big.backward(GradientCheck.doubles(g, n, 14, 14, f)));
            double[] dw = NativeMemory.read(big.kernel().gradient());
            double[] dwSum = new double[dw.length];
            int in = h * w * c, outSize = 14 * 14 * f;
            for (int s = 0; s < n; s++) {
                double[] xs = java.util.Arrays.copyOfRange(x, s * in, (s + 1) * in);
                double[] ys = NativeMemory.read(one.forward(GradientCheck.doubles(xs, 1, h, w, c), true));
                double[] gs = java.util.Arrays.copyOfRange(g, s * outSize, (s + 1) * outSize);
                double[] dxs = NativeMemory.read(one.backward(GradientCheck.doubles(gs, 1, 14, 14, f)));
                assertArrayEquals(ys, java.util.Arrays.copyOfRange(y, s * outSize, (s + 1) * outSize), 1e-12, "output of sample " + s);
                assertArrayEquals(dxs, java.util.Arrays.copyOfRange(dx, s * in, (s + 1) * in), 1e-12, "input gradient of sample " + s);
                double[] dws = NativeMemory.read(one.kernel().gradient());
                for (int i = 0; i < dw.length; i++) {
                    dwSum[i] += dws[i];
                }
            }
            assertArrayEquals(dwSum, dw, 1e-9, "the kernel gradient sums every sample's");
        } finally {
            io.github.keras4j.backend.Threads.setBlasThreads(before);
        }
    }

    @Test
    void float32MatchesFloat64() {
        Conv2D f64 = new Conv2D(5, 3, "relu").padding("same");
        f64.build(Shape.of(6, 6, 2), DataType.DOUBLE);
        Conv2D f32 = new Conv2D(5, 3, "relu").padding("same");
        f32.build(Shape.of(6, 6, 2), DataType.FLOAT);
        double[] k = GradientCheck.randomVector(90, 3);
        NativeMemory.write(k, f64.kernel().value());
        NativeMemory.write(k, f32.kernel().value());
        double[] x = GradientCheck.randomVector(2 * 72, 4);
        INDArray x32 = NativeMemory.create(DataType.FLOAT, 2, 6, 6, 2);
        NativeMemory.write(x, x32);
        double[] a = NativeMemory.read(f64.forward(GradientCheck.doubles(x, 2, 6, 6, 2), true));
        double[] b = NativeMemory.read(f32.forward(x32, true));
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 1e-5);
        }
    }

    @Test
    void kernelLayoutAndFansAreKeras() {
        Conv2D conv = new Conv2D(64, 3);
        conv.build(Shape.of(13, 13, 32));
        assertArrayEquals(new long[] {3, 3, 32, 64}, conv.kernel().value().shape());
        assertEquals(18_496, conv.countParams());
        Fans fans = Fans.of(conv.kernel().value().shape());
        assertEquals(3 * 3 * 32, fans.fanIn());
        assertEquals(3 * 3 * 64, fans.fanOut());
        // glorot_uniform: limit sqrt(6 / (fan_in + fan_out)) = sqrt(6 / 864)
        double limit = Math.sqrt(6.0 / (288 + 576));
        double max = 0;
        for (double v : NativeMemory.read(conv.kernel().value())) {
            max = Math.max(max, Math.abs(v));
        }
        assertTrue(max <= limit && max > 0.9 * limit, "glorot_uniform limit " + limit + ", largest |w| " + max);
        assertEquals(0, conv.bias().value().sumNumber().doubleValue());
        assertEquals("conv2d", conv.baseName());
    }

    @Test
    void badArgumentsAndShapesAreExplained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Conv2D(0, 3));
        assertEquals("Conv2D filters must be a positive integer, got 0: it is the number of output channels, e.g. new Conv2D(32, 3, \"relu\").",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Conv2D(8, 3).strides(0, 1));
        assertEquals("Conv2D strides must be positive integers, got (0, 1)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Conv2D(8, 3).padding("causal"));
        assertEquals("Conv2D padding must be \"valid\" or \"same\", got \"causal\" (\"causal\" is for Conv1D only)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Conv2D(8, 3).computeOutputShape(Shape.of(28, 28)));
        assertEquals("Layer 'conv2d' (Conv2D) expected images (batch, height, width, channels) but received input (None, 28, 28)."
                + " Add the channel axis: x.reshape(N, 28, 28, 1) for the data, or a Reshape(28, 28, 1) layer first.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Conv2D(8, 5).computeOutputShape(Shape.of(3, 3, 1)));
        assertEquals("Layer 'conv2d' (Conv2D) has a 5x5 kernel spanning 5x5 but its input (None, 3, 3, 1) is only 3x3, so with padding"
                + " \"valid\" its output would have no rows or columns. Use a smaller window, padding \"same\", or a larger input"
                + " (fewer pooling layers before it).", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Conv2D(8, 3).strides(2).dilationRate(2).computeOutputShape(Shape.of(9, 9, 1)));
        assertEquals("Layer 'conv2d' (Conv2D) has strides (2, 2) and dilationRate (2, 2); as in Keras, strides > 1 cannot be combined"
                + " with dilationRate > 1.", e.getMessage());
    }
}
