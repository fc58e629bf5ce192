package io.github.keras4j.backend;

/**
 * Float32 loops over Java arrays that plain Java cannot make fast on JDK 17: an exp in float32 needs exponent bit
 * tricks the JIT does not vectorise. {@link Simd#kernels()} gives the implementation on the JDK's Vector API when
 * the JVM runs with {@code --add-modules jdk.incubator.vector}; without it there is none and callers keep their
 * double-precision loops.
 *
 * <p>Results are within {@value #TOLERANCE} of the double-precision function rounded to float32, tested against it:
 * relative for sigmoid (or {@value #TINY} absolute, for results that small), absolute for softmax, whose
 * probabilities lie in [0, 1]. Softmax cannot do better relative to tiny probabilities: {@code z_j - max} rounded to
 * float32 is off by up to {@code |z_j - max| * 6e-8}, and so {@code exp} of it by as much relative (Keras computes it
 * in float32 the same way).
 */
public interface FloatKernels {
    /** The largest difference to the double-precision function rounded to float32: relative (sigmoid), absolute (softmax). */
    double TOLERANCE = 1e-6;
    /** Below this, results may differ absolutely by this much: inputs beyond exp's float range saturate. */
    double TINY = 1e-37;

    /** {@code a[i] = 1 / (1 + exp(-z[i]))} for {@code i < n}; {@code a} may be {@code z}. NaN stays NaN. */
    void sigmoid(float[] z, float[] a, int n);

    /**
     * Softmax over each row of {@code width} values, {@code a_j = exp(z_j - max z) / sum_k exp(z_k - max z)}, for
     * {@code n} values ({@code n / width} rows); {@code a} may be {@code z}.
     */
    void softmax(float[] z, float[] a, int n, int width);

    /** Which vectors it runs on, e.g. {@code "512-bit, 16 floats"}, for the start-up log line. */
    String describe();
}
