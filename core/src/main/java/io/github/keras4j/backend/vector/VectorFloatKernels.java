package io.github.keras4j.backend.vector;

import io.github.keras4j.backend.FloatKernels;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatKernels} on the JDK's incubating Vector API, at the CPU's widest float vector (16 lanes with AVX-512,
 * 8 with AVX2, 4 with NEON). The only class of keras4j that names {@code jdk.incubator.vector}; it is loaded by
 * reflection, and only when the JVM runs with that module ({@link io.github.keras4j.backend.Simd}). It uses calls that
 * exist unchanged from JDK 17 to JDK 25: fromArray, intoArray, add, sub, mul, div, min, max, neg, abs, compare,
 * blend, lanewise shifts, reinterpretAsInts and reinterpretAsFloats.
 *
 * <p>exp in float32 as in Cephes' expf: {@code exp(x) = 2^k e^r} with {@code k = round(x / ln 2)} and
 * {@code |r| <= ln 2 / 2}; e^r from a degree-7 polynomial (about 1 ulp), 2^k written straight into the exponent bits.
 * k is rounded by adding and subtracting 1.5 * 2^23, which leaves it in the low mantissa bits, so no float-to-int
 * conversion (whose rounding differs between JDK releases' intrinsics) is needed. x is clamped to
 * [{@value #EXP_LO}, {@value #EXP_HI}], where 2^k stays a normal float.
 */
public final class VectorFloatKernels implements FloatKernels {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    static final float EXP_LO = -87f;
    static final float EXP_HI = 88f;
    private static final float LOG2E = 1.44269504088896341f;
    /** ln 2 split in two, so that x - k ln 2 is exact for the k in range (Cody and Waite). */
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    /** 1.5 * 2^23: adding it rounds to an integer kept in the low bits of the mantissa. */
    private static final float ROUNDER = 12582912f;
    private static final int ROUNDER_BITS = Float.floatToRawIntBits(ROUNDER);

    @Override
    public String describe() {
        return F.vectorBitSize() + "-bit, " + F.length() + " floats";
    }

    /** Lanes of the vectors in use. */
    public static int lanes() {
        return F.length();
    }

    /** exp of each lane, for lanes already clamped to [EXP_LO, EXP_HI]. */
    private static FloatVector expClamped(FloatVector x) {
        FloatVector t = x.mul(LOG2E).add(ROUNDER); // round(x log2 e) in the low mantissa bits
        FloatVector k = t.sub(ROUNDER);
        IntVector kBits = t.reinterpretAsInts().sub(ROUNDER_BITS);
        FloatVector r = x.sub(k.mul(LN2_HI)).sub(k.mul(LN2_LO));
        FloatVector p = r.mul(1.9875691500e-4f).add(1.3981999507e-3f);
        p = p.mul(r).add(8.3334519073e-3f);
        p = p.mul(r).add(4.1665795894e-2f);
        p = p.mul(r).add(1.6666665459e-1f);
        p = p.mul(r).add(5.0000001201e-1f);
        p = p.mul(r.mul(r)).add(r).add(1f);
        FloatVector twoK = kBits.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        return p.mul(twoK);
    }

    private static FloatVector exp(FloatVector x) {
        return expClamped(x.max(EXP_LO).min(EXP_HI));
    }

    @Override
    public void sigmoid(float[] z, float[] a, int n) {
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += F.length()) {
            FloatVector x = FloatVector.fromArray(F, z, i);
            // e = exp(-|x|) <= 1 cannot overflow; sigmoid(x) = 1 / (1 + e) for x >= 0, e / (1 + e) below
            FloatVector e = expClamped(x.abs().neg().max(EXP_LO));
            FloatVector s = FloatVector.broadcast(F, 1f).div(e.add(1f));
            VectorMask<Float> negative = x.compare(VectorOperators.LT, 0f);
            s.blend(e.mul(s), negative).intoArray(a, i);
        }
        for (; i < n; i++) {
            a[i] = scalarSigmoid(z[i]);
        }
    }

    @Override
    public void softmax(float[] z, float[] a, int n, int width) {
        // max and sum per row are short scalar loops (10 classes); the exps, the expensive part, run over the whole
        // array in vectors
        for (int row = 0; row < n; row += width) {
            float max = Float.NEGATIVE_INFINITY;
            for (int j = row; j < row + width; j++) {
                max = Math.max(max, z[j]);
            }
            for (int j = row; j < row + width; j++) {
                a[j] = z[j] - max;
            }
        }
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += F.length()) {
            exp(FloatVector.fromArray(F, a, i)).intoArray(a, i);
        }
        for (; i < n; i++) {
            a[i] = scalarExp(a[i]);
        }
        for (int row = 0; row < n; row += width) {
            float sum = 0;
            for (int j = row; j < row + width; j++) {
                sum += a[j];
            }
            float inv = 1 / sum;
            for (int j = row; j < row + width; j++) {
                a[j] *= inv;
            }
        }
    }

    /** The same formula as the vector loop, for the tail of an array shorter than a vector. */
    static float scalarSigmoid(float x) {
        float e = scalarExp(-Math.abs(x));
        float s = 1 / (1 + e);
        return x < 0 ? e * s : s;
    }

    static float scalarExp(float x) {
        float y = Math.max(EXP_LO, Math.min(EXP_HI, x));
        float t = y * LOG2E + ROUNDER;
        float k = t - ROUNDER;
        int kBits = Float.floatToRawIntBits(t) - ROUNDER_BITS;
        float r = y - k * LN2_HI - k * LN2_LO;
        float p = r * 1.9875691500e-4f + 1.3981999507e-3f;
        p = p * r + 8.3334519073e-3f;
        p = p * r + 4.1665795894e-2f;
        p = p * r + 1.6666665459e-1f;
        p = p * r + 5.0000001201e-1f;
        p = p * (r * r) + r + 1f;
        return p * Float.intBitsToFloat((kBits + 127) << 23); // NaN in, NaN out: p is NaN
    }
}
