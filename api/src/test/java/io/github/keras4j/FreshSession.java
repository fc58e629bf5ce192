package io.github.keras4j;

import io.github.keras4j.utils.Utils;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts every test of this module in a fresh session ({@link Utils#clearSession()}), so the models a test makes
 * are named {@code sequential}, {@code sequential_1}, ... whatever ran before it in the same JVM. Registered for
 * every test through {@code META-INF/services} and {@code junit-platform.properties}.
 */
public final class FreshSession implements BeforeEachCallback {
    @Override
    public void beforeEach(ExtensionContext context) {
        Utils.clearSession();
    }
}
