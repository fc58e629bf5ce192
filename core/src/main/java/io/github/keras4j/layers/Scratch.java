package io.github.keras4j.layers;

/** Growable {@code double[]} staging arrays; a layer keeps one set for training steps. */
final class Scratch {
    private final double[][] arrays;

    Scratch(int count) {
        arrays = new double[count][0];
    }

    /** Array number {@code slot} with room for at least {@code n} values; contents are stale. */
    double[] get(int slot, int n) {
        if (arrays[slot].length < n) {
            arrays[slot] = new double[n];
        }
        return arrays[slot];
    }
}
