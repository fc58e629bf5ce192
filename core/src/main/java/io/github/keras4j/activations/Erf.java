package io.github.keras4j.activations;

/**
 * The error function {@code erf(x) = 2/sqrt(pi) * integral_0^x exp(-t^2) dt} and its complement
 * {@code erfc(x) = 1 - erf(x)}, which Java's {@link Math} lacks and exact GELU needs.
 *
 * <p>Evaluated with W. J. Cody's near-minimax rational approximations ("Rational Chebyshev
 * approximations for the error function", Math. Comp. 23, 1969, pp. 631-638; the coefficients are those
 * of the double-precision tables). Three ranges of {@code y = |x|}:
 * <pre>
 * y &lt;= 0.46875       erf(x)  = x * A(y^2) / B(y^2)
 * 0.46875 &lt; y &lt;= 4   erfc(y) = exp(-y^2) * C(y) / D(y)
 * 4 &lt; y              erfc(y) = exp(-y^2) / y * (1/sqrt(pi) - z P(z) / Q(z)),  z = 1/y^2
 * </pre>
 * and the symmetries {@code erf(-x) = -erf(x)}, {@code erfc(-x) = 2 - erfc(x)}. The relative error is
 * within a few units in the last place over the whole line (tested against 30-digit values).
 */
final class Erf {
    /** Below this |x| erf is computed directly; above it, through erfc. */
    static final double SMALL = 0.46875;
    /** Above this |x| the middle rational function gives way to the asymptotic one. */
    static final double MEDIUM = 4.0;
    /** Above this |x| erfc underflows to 0 in double precision. */
    static final double ERFC_UNDERFLOW = 26.543;

    private static final double ONE_OVER_SQRT_PI = 0.56418958354775628695;

    // erf(x) = x A(x^2) / B(x^2) for |x| <= SMALL; highest power last, B monic.
    private static final double[] A = {3.20937758913846947e03, 3.77485237685302021e02, 1.13864154151050156e02,
        3.16112374387056560e00, 1.85777706184603153e-1};
    private static final double[] B = {2.84423683343917062e03, 1.28261652607737228e03, 2.44024637934444173e02,
        2.36012909523441209e01, 1.0};
    // erfc(y) exp(y^2) = C(y) / D(y) for SMALL < y <= MEDIUM.
    private static final double[] C = {1.23033935479799725e03, 2.05107837782607147e03, 1.71204761263407058e03,
        8.81952221241769090e02, 2.98635138197400131e02, 6.61191906371416295e01, 8.88314979438837594e00,
        5.64188496988670089e-1, 2.15311535474403846e-8};
    private static final double[] D = {1.23033935480374942e03, 3.43936767414372164e03, 4.36261909014324716e03,
        3.29079923573345963e03, 1.62138957456669019e03, 5.37181101862009858e02, 1.17693950891312499e02,
        1.57449261107098347e01, 1.0};
    // erfc(y) y exp(y^2) = 1/sqrt(pi) - z P(z) / Q(z), z = 1/y^2, for y > MEDIUM.
    private static final double[] P = {6.58749161529837803e-4, 1.60837851487422766e-2, 1.25781726111229246e-1,
        3.60344899949804439e-1, 3.05326634961232344e-1, 1.63153871373020978e-2};
    private static final double[] Q = {2.33520497626869185e-3, 6.05183413124413191e-2, 5.27905102951428412e-1,
        1.87295284992346047e00, 2.56852019228982242e00, 1.0};

    private Erf() {
    }

    /** erf(x), odd, in [-1, 1]. */
    static double erf(double x) {
        double y = Math.abs(x);
        if (y <= SMALL) {
            double t = y * y;
            return x * poly(A, t) / poly(B, t);
        }
        double r = 1 - erfcOfPositive(y); // no cancellation to fear: erfc(y) < 0.51 here
        return x < 0 ? -r : r;
    }

    /** erfc(x) = 1 - erf(x), accurate also where it is tiny (large positive x). */
    static double erfc(double x) {
        double y = Math.abs(x);
        if (y <= SMALL) {
            double t = y * y;
            return 1 - x * poly(A, t) / poly(B, t);
        }
        double r = erfcOfPositive(y);
        return x < 0 ? 2 - r : r;
    }

    private static double erfcOfPositive(double y) {
        if (y >= ERFC_UNDERFLOW || Double.isNaN(y)) {
            return Double.isNaN(y) ? Double.NaN : 0;
        }
        double scaled; // erfc(y) * exp(y^2)
        if (y <= MEDIUM) {
            scaled = poly(C, y) / poly(D, y);
        } else {
            double z = 1 / (y * y);
            scaled = (ONE_OVER_SQRT_PI - z * poly(P, z) / poly(Q, z)) / y;
        }
        return expMinusSquare(y) * scaled;
    }

    /**
     * exp(-y^2) without the rounding error of forming y^2 first (which grows with y^2): split y into
     * a part with few bits, u = trunc(16 y) / 16, whose square is exact, and the rest, since
     * y^2 = u^2 + (y - u)(y + u).
     */
    private static double expMinusSquare(double y) {
        double u = Math.floor(y * 16) / 16;
        return Math.exp(-u * u) * Math.exp(-(y - u) * (y + u));
    }

    /** sum_k c[k] t^k by Horner's rule. */
    private static double poly(double[] c, double t) {
        double s = c[c.length - 1];
        for (int k = c.length - 2; k >= 0; k--) {
            s = s * t + c[k];
        }
        return s;
    }
}
