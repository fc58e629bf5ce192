package io.github.keras4j.examples.playground;

import java.math.BigDecimal;

/** Numbers written as JavaScript's {@code String(n)} writes them, so hashes read like the Playground's ({@code 0.03}, {@code 10}, {@code 0.00001}). */
final class JsNumbers {
    private JsNumbers() {
    }

    static String format(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e21) {
            return Long.toString((long) x);
        }
        if (Math.abs(x) >= 1e-6) {
            return new BigDecimal(Double.toString(x)).stripTrailingZeros().toPlainString();
        }
        String[] parts = Double.toString(x).split("E"); // JavaScript switches to exponents below 1e-6 too: 1e-7
        String mantissa = new BigDecimal(parts[0]).stripTrailingZeros().toPlainString();
        return mantissa + "e" + parts[1];
    }
}
