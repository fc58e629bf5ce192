package io.github.keras4j;

import java.util.HashMap;
import java.util.Map;

/** Runs code with some system properties set, then puts back what was there (or nothing). */
public final class SystemProperties {
    private SystemProperties() {
    }

    public static void with(Map<String, String> settings, Runnable action) {
        Map<String, String> old = new HashMap<>();
        settings.forEach((k, v) -> old.put(k, System.setProperty(k, v)));
        try {
            action.run();
        } finally {
            old.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
    }
}
