package io.github.keras4j.initializers;

import io.github.keras4j.backend.NativeMemory;
import org.nd4j.linalg.api.buffer.DataType;

/** Draws an array from an initializer and summarises it. */
record Samples(double[] values, double mean, double stddev, double maxAbs, double min, double max) {
    static Samples draw(Initializer initializer, long... shape) {
        return of(NativeMemory.read(initializer.initialize(shape, DataType.DOUBLE)));
    }

    static Samples of(double[] v) {
        double sum = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            sum += x;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        double mean = sum / v.length;
        double sq = 0;
        for (double x : v) {
            sq += (x - mean) * (x - mean);
        }
        return new Samples(v, mean, Math.sqrt(sq / v.length), Math.max(-min, max), min, max);
    }
}
