package io.github.keras4j.examples.playground;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Playground's settings, as its URL hash carries them ({@code state.ts}): the same parameter names, values
 * and defaults, so the hash of a playground.tensorflow.org link opens the same setup here. Unknown parameters
 * are ignored, as there (links carry {@code tutorial}, {@code hideText}, {@code *_hide} ...); a known parameter
 * with a value outside the Playground's controls is refused with a message, where the Playground would
 * silently fall back or misbehave.
 *
 * @param activation         of the hidden layers: relu, tanh, sigmoid or linear
 * @param regularization     none, L1 or L2, on the weights (not the biases)
 * @param networkShape       neurons per hidden layer, 0 to {@value #MAX_LAYERS} layers of 1 to {@value #MAX_NEURONS}
 * @param seed               the string that seeds data and initial weights ({@link SeedRandom})
 * @param noise              the slider, 0 to 50 (the generators get noise / 100)
 * @param percTrainData      percentage of the points used for training, 10 to 90; the rest are test points
 * @param features           the input features switched on
 * @param initZero           the Playground's hidden option: all weights and biases start at 0
 */
public record PlaygroundState(String activation, String regularization, int batchSize, DataGenerator dataset,
                              DataGenerator regDataset, double learningRate, double regularizationRate, double noise,
                              List<Integer> networkShape, String seed, boolean showTestData, boolean discretize,
                              double percTrainData, Set<Feature> features, boolean regression, boolean initZero) {
    public static final List<String> ACTIVATIONS = List.of("relu", "tanh", "sigmoid", "linear");
    public static final List<String> REGULARIZATIONS = List.of("none", "L1", "L2");
    public static final List<String> PROBLEMS = List.of("classification", "regression");
    public static final int MAX_LAYERS = 6;
    public static final int MAX_NEURONS = 8;
    /** The longest hash accepted; a full Playground hash is about 400 characters. */
    public static final int MAX_HASH_LENGTH = 4096;
    public static final int MAX_SEED_LENGTH = 64;

    public PlaygroundState {
        networkShape = List.copyOf(networkShape);
        features = features.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(features));
    }

    /** The Playground's starting setup ({@code state.ts} defaults) with {@code seed}. */
    public static PlaygroundState defaults(String seed) {
        return new PlaygroundState("tanh", "none", 10, DataGenerator.CIRCLE, DataGenerator.REG_PLANE, 0.03, 0, 0,
                List.of(4, 2), seed, false, false, 50, EnumSet.of(Feature.X, Feature.Y), false, false);
    }

    /** The generator the problem uses: {@link #dataset()} for classification, {@link #regDataset()} for regression. */
    public DataGenerator generator() {
        return regression ? regDataset : dataset;
    }

    /** The features switched on, in the network's input order. */
    public List<Feature> inputs() {
        return java.util.Arrays.stream(Feature.values()).filter(features::contains).toList();
    }

    /**
     * The settings in {@code hash} ({@code #a=1&b=2}, the leading {@code #} optional) over the defaults; a missing
     * {@code seed} is {@code randomSeed}. Throws {@link IllegalArgumentException} naming the first bad parameter.
     */
    public static PlaygroundState parse(String hash, String randomSeed) {
        if (hash.length() > MAX_HASH_LENGTH) {
            throw new IllegalArgumentException("The settings are " + hash.length() + " characters long; a Playground URL's take about 400, and at most "
                    + MAX_HASH_LENGTH + " are accepted.");
        }
        Map<String, String> map = new LinkedHashMap<>();
        String body = hash.startsWith("#") ? hash.substring(1) : hash;
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", -1);
            map.put(kv[0], kv.length > 1 ? kv[1] : null); // the Playground keeps only what lies between the first two '='
        }
        PlaygroundState d = defaults(randomSeed);
        EnumSet<Feature> features = EnumSet.noneOf(Feature.class);
        for (Feature f : Feature.values()) {
            if (bool(map, f.parameter(), d.features.contains(f))) {
                features.add(f);
            }
        }
        String seed = has(map, "seed") ? map.get("seed") : randomSeed;
        if (seed.length() > MAX_SEED_LENGTH) {
            throw new IllegalArgumentException("seed must be at most " + MAX_SEED_LENGTH + " characters, got " + seed.length()
                    + "; the Playground's seeds look like 0.12345.");
        }
        return new PlaygroundState(
                choice(map, "activation", ACTIVATIONS, d.activation),
                choice(map, "regularization", REGULARIZATIONS, d.regularization),
                (int) number(map, "batchSize", d.batchSize, 1, 30, true),
                has(map, "dataset") ? generator(map.get("dataset"), false) : d.dataset,
                has(map, "regDataset") ? generator(map.get("regDataset"), true) : d.regDataset,
                number(map, "learningRate", d.learningRate, 0.00001, 10, false),
                number(map, "regularizationRate", d.regularizationRate, 0, 10, false),
                number(map, "noise", d.noise, 0, 50, false),
                map.containsKey("networkShape") ? shape(map.get("networkShape")) : d.networkShape,
                seed,
                bool(map, "showTestData", d.showTestData),
                bool(map, "discretize", d.discretize),
                number(map, "percTrainData", d.percTrainData, 10, 90, false),
                features,
                choice(map, "problem", PROBLEMS, "classification").equals("regression"),
                bool(map, "initZero", d.initZero));
    }

    /** The hash for these settings, in the Playground's parameter order (without the leading {@code #}). */
    public String toHash() {
        List<String> p = new ArrayList<>();
        p.add("activation=" + activation);
        p.add("batchSize=" + batchSize);
        p.add("dataset=" + dataset.id());
        p.add("regDataset=" + regDataset.id());
        p.add("learningRate=" + JsNumbers.format(learningRate));
        p.add("regularization=" + regularization);
        p.add("regularizationRate=" + JsNumbers.format(regularizationRate));
        p.add("noise=" + JsNumbers.format(noise));
        p.add("networkShape=" + String.join(",", networkShape.stream().map(String::valueOf).toList()));
        p.add("seed=" + seed);
        p.add("showTestData=" + showTestData);
        p.add("discretize=" + discretize);
        p.add("percTrainData=" + JsNumbers.format(percTrainData));
        for (Feature f : Feature.values()) {
            p.add(f.parameter() + "=" + features.contains(f));
        }
        p.add("problem=" + (regression ? "regression" : "classification"));
        p.add("initZero=" + initZero);
        return String.join("&", p);
    }

    /** The Playground's test: present with a value that is not blank. */
    private static boolean has(Map<String, String> map, String name) {
        return map.get(name) != null && !map.get(name).trim().isEmpty();
    }

    /** As the Playground reads booleans: "false" is false, any other value true, absent the default. */
    private static boolean bool(Map<String, String> map, String name, boolean def) {
        return has(map, name) ? !map.get(name).equals("false") : def;
    }

    private static String choice(Map<String, String> map, String name, List<String> known, String def) {
        if (!has(map, name)) {
            return def;
        }
        String v = map.get(name);
        if (!known.contains(v)) {
            throw new IllegalArgumentException("Unknown " + name + " '" + v + "'. Known: " + String.join(", ", known) + ".");
        }
        return v;
    }

    private static DataGenerator generator(String id, boolean regression) {
        return DataGenerator.of(id, regression);
    }

    private static double number(Map<String, String> map, String name, double def, double min, double max, boolean whole) {
        if (!has(map, name)) {
            return def;
        }
        String v = map.get(name).trim();
        double x;
        try {
            x = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            x = Double.NaN;
        }
        if (!(x >= min && x <= max) || (whole && x != Math.rint(x))) {
            throw new IllegalArgumentException(name + " must be " + (whole ? "a whole number" : "a number") + " from "
                    + JsNumbers.format(min) + " to " + JsNumbers.format(max) + ", got '" + clip(map.get(name)) + "'.");
        }
        return x;
    }

    private static List<Integer> shape(String value) {
        if (value == null || value.trim().isEmpty()) {
            return List.of(); // networkShape= means no hidden layer
        }
        String[] parts = value.split(",");
        if (parts.length > MAX_LAYERS) {
            throw new IllegalArgumentException("networkShape has " + parts.length + " hidden layers; the Playground allows 0 to "
                    + MAX_LAYERS + ", each of 1 to " + MAX_NEURONS + " neurons, e.g. networkShape=4,2.");
        }
        List<Integer> shape = new ArrayList<>();
        for (String part : parts) {
            int n;
            try {
                n = Integer.parseInt(part.trim());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > MAX_NEURONS) {
                throw new IllegalArgumentException("networkShape entry '" + clip(part) + "' is not a layer size: each hidden layer has 1 to "
                        + MAX_NEURONS + " neurons, e.g. networkShape=4,2.");
            }
            shape.add(n);
        }
        return shape;
    }

    /** A value as shown in a message: at most 40 characters. */
    private static String clip(String v) {
        return v.length() <= 40 ? v : v.substring(0, 40) + "...";
    }
}
