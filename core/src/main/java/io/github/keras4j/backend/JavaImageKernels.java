package io.github.keras4j.backend;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/**
 * {@link ImageKernels} in plain Java on staged copies (see {@link NativeMemory} for why staging beats ND4J ops here).
 * The input is staged whole (a batch of images is a few MB); im2col rows are built and written out
 * {@value #CHUNK} values at a time, so the large column matrix passes through memory once. Float32 arrays are
 * computed in float32 (copies and maxima are exact, col2im sums in float32 as other frameworks do), float64 ones in
 * float64. Staging arrays are kept per thread.
 */
final class JavaImageKernels implements ImageKernels {
    static final JavaImageKernels INSTANCE = new JavaImageKernels();
    /** Values per written chunk of im2col rows: 64 KB of float32, which stays in a core's cache. */
    static final int CHUNK = 16384;

    private static final ThreadLocal<Staging> STAGING = ThreadLocal.withInitial(Staging::new);

    private JavaImageKernels() {
    }

    @Override
    public void im2col(INDArray x, Windows w, INDArray cols) {
        int n = (int) x.size(0), sample = w.sampleSize(), patch = w.patchSize(), segments = w.windowSize();
        int c = w.channels(), positions = w.positions(), rows = n * positions;
        int[] off = w.offsets();
        int chunkRows = Math.max(1, CHUNK / patch);
        Staging s = STAGING.get();
        if (x.dataType() == DataType.FLOAT) {
            float[] xs = s.floats(0, n * sample);
            NativeMemory.readFloats(x, xs);
            float[] buf = s.floats(1, Math.min(chunkRows, rows) * patch);
            for (int start = 0; start < rows; start += chunkRows) {
                int count = Math.min(chunkRows, rows - start), at = 0;
                for (int r = start; r < start + count; r++) {
                    int base = (r / positions) * sample, o = (r % positions) * segments;
                    for (int k = 0; k < segments; k++, at += c) {
                        int src = off[o + k];
                        if (src < 0) {
                            Arrays.fill(buf, at, at + c, 0f);
                        } else {
                            System.arraycopy(xs, base + src, buf, at, c);
                        }
                    }
                }
                NativeMemory.writeFloats(buf, cols, (long) start * patch, count * patch);
            }
        } else {
            double[] xs = s.doubles(0, n * sample);
            NativeMemory.read(x, xs);
            double[] buf = s.doubles(1, Math.min(chunkRows, rows) * patch);
            for (int start = 0; start < rows; start += chunkRows) {
                int count = Math.min(chunkRows, rows - start), at = 0;
                for (int r = start; r < start + count; r++) {
                    int base = (r / positions) * sample, o = (r % positions) * segments;
                    for (int k = 0; k < segments; k++, at += c) {
                        int src = off[o + k];
                        if (src < 0) {
                            Arrays.fill(buf, at, at + c, 0);
                        } else {
                            System.arraycopy(xs, base + src, buf, at, c);
                        }
                    }
                }
                NativeMemory.write(buf, cols, (long) start * patch, count * patch);
            }
        }
    }

    @Override
    public void col2im(INDArray dcols, Windows w, INDArray dx) {
        int n = (int) dx.size(0), sample = w.sampleSize(), patch = w.patchSize(), segments = w.windowSize();
        int c = w.channels(), positions = w.positions(), rows = n * positions;
        int[] off = w.offsets();
        int chunkRows = Math.max(1, CHUNK / patch);
        Staging s = STAGING.get();
        if (dx.dataType() == DataType.FLOAT) {
            float[] d = s.floats(0, n * sample);
            Arrays.fill(d, 0, n * sample, 0f);
            float[] buf = s.floats(1, Math.min(chunkRows, rows) * patch);
            for (int start = 0; start < rows; start += chunkRows) {
                int count = Math.min(chunkRows, rows - start), at = 0;
                NativeMemory.readFloats(dcols, (long) start * patch, buf, count * patch);
                for (int r = start; r < start + count; r++) {
                    int base = (r / positions) * sample, o = (r % positions) * segments;
                    for (int k = 0; k < segments; k++, at += c) {
                        int dst = off[o + k];
                        if (dst >= 0) {
                            dst += base;
                            for (int j = 0; j < c; j++) {
                                d[dst + j] += buf[at + j];
                            }
                        }
                    }
                }
            }
            NativeMemory.writeFloats(d, dx);
        } else {
            double[] d = s.doubles(0, n * sample);
            Arrays.fill(d, 0, n * sample, 0);
            double[] buf = s.doubles(1, Math.min(chunkRows, rows) * patch);
            for (int start = 0; start < rows; start += chunkRows) {
                int count = Math.min(chunkRows, rows - start), at = 0;
                NativeMemory.read(dcols, (long) start * patch, buf, count * patch);
                for (int r = start; r < start + count; r++) {
                    int base = (r / positions) * sample, o = (r % positions) * segments;
                    for (int k = 0; k < segments; k++, at += c) {
                        int dst = off[o + k];
                        if (dst >= 0) {
                            dst += base;
                            for (int j = 0; j < c; j++) {
                                d[dst + j] += buf[at + j];
                            }
                        }
                    }
                }
            }
            NativeMemory.write(d, dx);
        }
    }

    @Override
    public void maxPool(INDArray x, Windows w, INDArray out, int[] argmax) {
        int n = (int) x.size(0), sample = w.sampleSize(), segments = w.windowSize();
        int c = w.channels(), positions = w.positions(), total = n * positions * c;
        int[] off = w.offsets();
        Staging s = STAGING.get();
        if (x.dataType() == DataType.FLOAT) {
            float[] xs = s.floats(0, n * sample);
            NativeMemory.readFloats(x, xs);
            float[] o = s.floats(1, total);
            for (int i = 0; i < n; i++) {
                int base = i * sample;
                for (int p = 0; p < positions; p++) {
                    int at = (i * positions + p) * c;
                    boolean first = true;
                    for (int k = 0; k < segments; k++) {
                        int src = off[p * segments + k];
                        if (src < 0) {
                            continue;
                        }
                        src += base;
                        for (int j = 0; j < c; j++) {
                            float v = xs[src + j];
                            if (first || v > o[at + j]) { // strictly greater: of equal values the first wins
                                o[at + j] = v;
                                if (argmax != null) {
                                    argmax[at + j] = src + j;
                                }
                            }
                        }
                        first = false;
                    }
                }
            }
            NativeMemory.writeFloats(o, out);
        } else {
            double[] xs = s.doubles(0, n * sample);
            NativeMemory.read(x, xs);
            double[] o = s.doubles(1, total);
            for (int i = 0; i < n; i++) {
                int base = i * sample;
                for (int p = 0; p < positions; p++) {
                    int at = (i * positions + p) * c;
                    boolean first = true;
                    for (int k = 0; k < segments; k++) {
                        int src = off[p * segments + k];
                        if (src < 0) {
                            continue;
                        }
                        src += base;
                        for (int j = 0; j < c; j++) {
                            double v = xs[src + j];
                            if (first || v > o[at + j]) {
                                o[at + j] = v;
                                if (argmax != null) {
                                    argmax[at + j] = src + j;
                                }
                            }
                        }
                        first = false;
                    }
                }
            }
            NativeMemory.write(o, out);
        }
    }

    @Override
    public void maxPoolBackward(INDArray gradOut, int[] argmax, INDArray dx) {
        int total = (int) gradOut.length(), size = (int) dx.length();
        Staging s = STAGING.get();
        if (dx.dataType() == DataType.FLOAT) {
            float[] g = s.floats(1, total);
            NativeMemory.readFloats(gradOut, g);
            float[] d = s.floats(0, size);
            Arrays.fill(d, 0, size, 0f);
            for (int i = 0; i < total; i++) {
                d[argmax[i]] += g[i];
            }
            NativeMemory.writeFloats(d, dx);
        } else {
            double[] g = s.doubles(1, total);
            NativeMemory.read(gradOut, g);
            double[] d = s.doubles(0, size);
            Arrays.fill(d, 0, size, 0);
            for (int i = 0; i < total; i++) {
                d[argmax[i]] += g[i];
            }
            NativeMemory.write(d, dx);
        }
    }

    @Override
    public void averagePool(INDArray x, Windows w, INDArray out) {
        int n = (int) x.size(0), sample = w.sampleSize(), segments = w.windowSize();
        int c = w.channels(), positions = w.positions(), total = n * positions * c;
        int[] off = w.offsets();
        Staging s = STAGING.get();
        double[] xs = s.doubles(0, n * sample);
        NativeMemory.read(x, xs);
        double[] o = s.doubles(1, total);
        Arrays.fill(o, 0, total, 0);
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < positions; p++) {
                int at = (i * positions + p) * c, inside = 0;
                for (int k = 0; k < segments; k++) {
                    int src = off[p * segments + k];
                    if (src >= 0) {
                        inside++;
                        src += i * sample;
                        for (int j = 0; j < c; j++) {
                            o[at + j] += xs[src + j];
                        }
                    }
                }
                for (int j = 0; j < c; j++) {
                    o[at + j] /= inside;
                }
            }
        }
        NativeMemory.write(o, out);
    }

    @Override
    public void averagePoolBackward(INDArray gradOut, Windows w, INDArray dx) {
        int n = (int) dx.size(0), sample = w.sampleSize(), segments = w.windowSize();
        int c = w.channels(), positions = w.positions(), total = n * positions * c;
        int[] off = w.offsets();
        Staging s = STAGING.get();
        double[] g = s.doubles(1, total);
        NativeMemory.read(gradOut, g);
        double[] d = s.doubles(0, n * sample);
        Arrays.fill(d, 0, n * sample, 0);
        for (int p = 0; p < positions; p++) {
            int inside = 0;
            for (int k = 0; k < segments; k++) {
                inside += off[p * segments + k] >= 0 ? 1 : 0;
            }
            for (int i = 0; i < n; i++) {
                int at = (i * positions + p) * c;
                for (int k = 0; k < segments; k++) {
                    int dst = off[p * segments + k];
                    if (dst >= 0) {
                        dst += i * sample;
                        for (int j = 0; j < c; j++) {
                            d[dst + j] += g[at + j] / inside; // d(mean)/d(x) = 1 / (elements inside the image)
                        }
                    }
                }
            }
        }
        NativeMemory.write(d, dx);
    }

    /** Growable staging arrays of one thread: slot 0 for an image batch, slot 1 for chunks and outputs. */
    private static final class Staging {
        private final float[][] floats = {new float[0], new float[0]};
        private final double[][] doubles = {new double[0], new double[0]};

        float[] floats(int slot, int n) {
            if (floats[slot].length < n) {
                floats[slot] = new float[n];
            }
            return floats[slot];
        }

        double[] doubles(int slot, int n) {
            if (doubles[slot].length < n) {
                doubles[slot] = new double[n];
            }
            return doubles[slot];
        }
    }
}
