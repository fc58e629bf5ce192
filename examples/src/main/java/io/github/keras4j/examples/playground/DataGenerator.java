package io.github.keras4j.examples.playground;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The Playground's six data sets, each drawn as its {@code dataset.ts} describes: four for classification
 * (labels ±1) and two for regression (labels in [-1, 1]). {@code noise} is the slider's value over 100
 * (0 to 0.5). Every draw comes from the one {@link SeedRandom}, in the Playground's order, so a seed gives the
 * Playground's points.
 */
public enum DataGenerator {
    /** Positives uniform in radius within 2.5, negatives between 3.5 and 5; noise moves the point the label is taken at. */
    CIRCLE("circle", false) {
        @Override
        void draw(int n, double noise, SeedRandom r, List<Example2D> out) {
            double radius = 5;
            for (int k = 0; k < n / 2.0; k++) { // n / 2 as a real number, so an odd n rounds up as there
                out.add(ring(0, radius * 0.5, radius, noise, r));
            }
            for (int k = 0; k < n / 2.0; k++) {
                out.add(ring(radius * 0.7, radius, radius, noise, r));
            }
        }

        private Example2D ring(double from, double to, double radius, double noise, SeedRandom r) {
            double rr = r.uniform(from, to);
            double angle = r.uniform(0, 2 * Math.PI);
            double x = rr * Math.sin(angle);
            double y = rr * Math.cos(angle);
            double nx = r.uniform(-radius, radius) * noise;
            double ny = r.uniform(-radius, radius) * noise;
            return new Example2D(x, y, Math.hypot(x + nx, y + ny) < radius * 0.5 ? 1 : -1);
        }
    },
    /** Uniform in [-5, 5]², pushed 0.3 away from both axes; label +1 where x·y ≥ 0 (after noise). */
    XOR("xor", false) {
        @Override
        void draw(int n, double noise, SeedRandom r, List<Example2D> out) {
            double padding = 0.3;
            for (int k = 0; k < n; k++) {
                double x = r.uniform(-5, 5);
                x += x > 0 ? padding : -padding;
                double y = r.uniform(-5, 5);
                y += y > 0 ? padding : -padding;
                double nx = r.uniform(-5, 5) * noise;
                double ny = r.uniform(-5, 5) * noise;
                out.add(new Example2D(x, y, (x + nx) * (y + ny) >= 0 ? 1 : -1));
            }
        }
    },
    /** Two Gaussians at (2, 2) (+1) and (-2, -2) (-1); noise raises their variance from 0.5 to 4. */
    GAUSS("gauss", false) {
        @Override
        void draw(int n, double noise, SeedRandom r, List<Example2D> out) {
            double variance = 0.5 + noise / 0.5 * (4 - 0.5);
            for (int[] centre : new int[][] {{2, 2, 1}, {-2, -2, -1}}) { // centre x, centre y, label
                for (int k = 0; k < n / 2.0; k++) {
                    double x = r.normal(centre[0], variance);
                    double y = r.normal(centre[1], variance);
                    out.add(new Example2D(x, y, centre[2]));
                }
            }
        }
    },
    /** Two interleaved spirals of 1.75 turns out to radius 5; noise jitters each point by up to ±noise. */
    SPIRAL("spiral", false) {
        @Override
        void draw(int n, double noise, SeedRandom r, List<Example2D> out) {
            double half = n / 2.0;
            for (double[] arm : new double[][] {{0, 1}, {Math.PI, -1}}) {
                for (int k = 0; k < half; k++) {
                    double rr = k / half * 5;
                    double t = 1.75 * k / half * 2 * Math.PI + arm[0];
                    double x = rr * Math.sin(t) + r.uniform(-1, 1) * noise;
                    double y = rr * Math.cos(t) + r.uniform(-1, 1) * noise;
                    out.add(new Example2D(x, y, arm[1]));
                }
            }
        }
    },
    /** Uniform in [-6, 6]²; the label is (x + y) / 10 at a point moved by noise. */
    REG_PLANE("reg-plane", true) {
        @Override
        void draw(int n, double noise, SeedRandom r, List<Example2D> out) {
            double radius = 6;
            for (int k = 0; k < n; k++) {
                double x = r.uniform(-radius, radius);
                double y = r.uniform(-radius, radius);
                double nx = r.uniform(-radius, radius) * noise;
                double ny = r.uniform(-radius, radius) * noise;
                out.add(new Example2D(x, y, (x + nx + y + ny) / 10));
            }
        }
    },
    /** Uniform in [-6, 6]²; the label is that of the strongest of six signed bumps, 1 at a centre falling to 0 at distance 2. */
    REG_GAUSS("reg-gauss", true) {
        private static final double[][] BUMPS = {{-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1}, {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};

        @Override
        void draw(int n, double noise, SeedRandom r, List<Example2D> out) {
            double radius = 6;
            for (int k = 0; k < n; k++) {
                double x = r.uniform(-radius, radius);
                double y = r.uniform(-radius, radius);
                double nx = r.uniform(-radius, radius) * noise;
                double ny = r.uniform(-radius, radius) * noise;
                out.add(new Example2D(x, y, label(x + nx, y + ny)));
            }
        }

        private double label(double x, double y) {
            double label = 0;
            for (double[] b : BUMPS) {
                double height = Math.max(0, Math.min(1, 1 - Math.hypot(x - b[0], y - b[1]) / 2));
                double candidate = b[2] * height;
                if (Math.abs(candidate) > Math.abs(label)) {
                    label = candidate;
                }
            }
            return label;
        }
    };

    /** Points the Playground draws for classification and for regression. */
    public static final int CLASSIFICATION_SAMPLES = 500;
    public static final int REGRESSION_SAMPLES = 1200;

    private final String id;
    private final boolean regression;

    DataGenerator(String id, boolean regression) {
        this.id = id;
        this.regression = regression;
    }

    /** The name in the URL ({@code dataset=circle}, {@code regDataset=reg-plane}). */
    public String id() {
        return id;
    }

    /** True for the two regression sets, false for the four classification sets. */
    public boolean isRegression() {
        return regression;
    }

    /** {@code n} points with noise {@code noise} (0 to 0.5), drawn from {@code random}. */
    public List<Example2D> generate(int n, double noise, SeedRandom random) {
        List<Example2D> out = new ArrayList<>(n);
        draw(n, noise, random, out);
        return out;
    }

    abstract void draw(int n, double noise, SeedRandom random, List<Example2D> out);

    /** The generator named {@code id} among those of the given kind; an unknown name lists the known ones. */
    public static DataGenerator of(String id, boolean regression) {
        for (DataGenerator g : values()) {
            if (g.id.equals(id) && g.regression == regression) {
                return g;
            }
        }
        throw new IllegalArgumentException("Unknown " + (regression ? "regDataset" : "dataset") + " '" + id + "'. Known: "
                + String.join(", ", Arrays.stream(values()).filter(g -> g.regression == regression).map(DataGenerator::id).toList())
                + ".");
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
