package io.github.keras4j.spark;

import io.github.keras4j.models.Sequential;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The models an executor JVM trains, one per (fit, partition), kept between rounds so that a round costs a
 * {@link ModelState} and not a whole {@code .keras} file. An executor that has none (a new or restarted one)
 * loads the model from the fit's file. A few entries at most: old fits' models are dropped first.
 */
final class WorkerModels {
    private static final int KEPT = 8;
    private static final Map<String, Sequential> MODELS = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Sequential> eldest) {
            return size() > KEPT;
        }
    };

    private WorkerModels() {
    }

    static Sequential get(String fit, int partition, byte[] file) throws IOException {
        String key = fit + "/" + partition;
        synchronized (MODELS) {
            Sequential m = MODELS.get(key);
            if (m == null) {
                m = ModelBytes.load(file);
                MODELS.put(key, m);
            }
            return m;
        }
    }
}
