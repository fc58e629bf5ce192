package io.github.keras4j.examples.lessons;

import io.github.keras4j.examples.Lesson;
import io.github.keras4j.examples.LessonContext;
import io.github.keras4j.examples.experiments.Comparison;
import io.github.keras4j.examples.experiments.EpochResult;
import io.github.keras4j.examples.experiments.RunConfig;
import io.github.keras4j.examples.experiments.TrainingHistory;
import io.github.keras4j.examples.experiments.Variant;
import io.github.keras4j.examples.playground.Example2D;
import io.github.keras4j.examples.playground.PlaygroundData;
import io.github.keras4j.examples.playground.PlaygroundNetwork;
import io.github.keras4j.examples.playground.PlaygroundState;
import io.github.keras4j.examples.playground.SeedRandom;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Playground's classic takeaways, reproduced with the page's own training ({@link PlaygroundNetwork}): on circle
 * and XOR no hidden layer fails with X₁, X₂ and succeeds with the right crossed features; one hidden layer of 4 solves
 * circle from X₁, X₂; spiral needs more; L1 zeroes most weights of a wide network where L2 only shrinks them; noise 50
 * widens the gap between training and test loss. An "epoch" here is {@value #ITERATIONS_PER_EPOCH} Playground
 * iterations; run k uses the Playground seed "k". It writes {@value #TABLE_FILE} (each takeaway, whether it held on
 * each seed, and the weights at zero) and {@value #REGIONS_FILE} (the first seed's decision regions). The lesson does
 * not use {@code --dataset}.
 */
public final class PlaygroundTakeaways implements Lesson {
    public static final String TABLE_FILE = "takeaways.md";
    public static final String REGIONS_FILE = "decision-regions.png";
    public static final int ITERATIONS_PER_EPOCH = 50;
    /** 300 iterations for most takeaways, 1000 for the spiral. */
    public static final int EPOCHS = 6;
    public static final int SPIRAL_EPOCHS = 20;
    /** Test loss above which a setup "fails" and below which it "succeeds". */
    public static final double FAILS_ABOVE = 0.2;
    public static final double SUCCEEDS_BELOW = 0.1;
    /** The Playground's starting screen before any training, as playground.tensorflow.org shows it. */
    public static final double PLAYGROUND_START_TEST = 0.917;
    public static final double PLAYGROUND_START_TRAIN = 0.962;

    /** A setup and what the Playground teaches about it. */
    record Setup(String label, String hash, String expect) {
    }

    /** A takeaway: a comparison of setups on one question. */
    record Takeaway(String title, int epochs, List<Setup> setups) {
    }

    static final String LINEAR = "networkShape=&activation=linear&learningRate=0.03";
    static final List<Takeaway> TAKEAWAYS = List.of(
            new Takeaway("Circle without a hidden layer", EPOCHS, List.of(
                    new Setup("X1, X2", "dataset=circle&" + LINEAR + "&x=true&y=true", "fails"),
                    new Setup("X1^2, X2^2", "dataset=circle&" + LINEAR + "&x=false&y=false&xSquared=true&ySquared=true", "succeeds"))),
            new Takeaway("XOR without a hidden layer", EPOCHS, List.of(
                    new Setup("X1, X2", "dataset=xor&" + LINEAR + "&x=true&y=true", "fails"),
                    new Setup("X1X2", "dataset=xor&" + LINEAR + "&x=false&y=false&xTimesY=true", "succeeds"))),
            new Takeaway("Circle from X1, X2", EPOCHS, List.of(
                    new Setup("no hidden layer", "dataset=circle&" + LINEAR + "&x=true&y=true", "fails"),
                    new Setup("one hidden layer of 4", "dataset=circle&networkShape=4&activation=tanh&learningRate=0.03", "succeeds"))),
            new Takeaway("Spiral", SPIRAL_EPOCHS, List.of(
                    new Setup("X1, X2, one layer of 4", "dataset=spiral&networkShape=4&activation=tanh&learningRate=0.03", "fails"),
                    new Setup("X1, X2, layers 8, 8, 8", "dataset=spiral&networkShape=8,8,8&activation=tanh&learningRate=0.03", "better"),
                    new Setup("X1, X2, sin X1, sin X2, layers 8, 8", "dataset=spiral&networkShape=8,8&activation=tanh&learningRate=0.03"
                            + "&sinX=true&sinY=true", "better"))),
            new Takeaway("L1 vs L2 on a wide network", EPOCHS, List.of(
                    new Setup("L1 0.01", "dataset=circle&networkShape=8,8&activation=tanh&learningRate=0.03&regularization=L1"
                            + "&regularizationRate=0.01&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true", "most weights 0"),
                    new Setup("L2 0.01", "dataset=circle&networkShape=8,8&activation=tanh&learningRate=0.03&regularization=L2"
                            + "&regularizationRate=0.01&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true", "no weight 0"))),
            new Takeaway("Noise 0 vs 50", EPOCHS, List.of(
                    new Setup("noise 0", "dataset=circle&networkShape=8,8&activation=tanh&learningRate=0.03&noise=0", "baseline"),
                    new Setup("noise 50", "dataset=circle&networkShape=8,8&activation=tanh&learningRate=0.03&noise=50", "wider gap"))));

    /** The Playground's starting screen: 0 hidden layers, linear, learning rate 0.03, batch 10, 50 % training data, noise 0. */
    static final String STARTING_SCREEN = "dataset=circle&networkShape=&activation=linear&learningRate=0.03&batchSize=10"
            + "&percTrainData=50&noise=0&x=true&y=true";

    /** One finished run: its final losses and weight counts. */
    record Outcome(double train, double test, int zeroWeights, int weights) {
    }

    @Override
    public String name() {
        return "playground-takeaways";
    }

    @Override
    public String description() {
        return "the TensorFlow Playground's classic takeaways (crossed features, hidden layers, spiral, L1 vs L2, noise)";
    }

    /** The Playground setup of {@code hash} with seed {@code seed}: its data and its network, drawn as on the page. */
    static Run start(String hash, long seed) {
        PlaygroundState state = PlaygroundState.parse(hash + "&seed=" + seed, Long.toString(seed));
        SeedRandom random = new SeedRandom(state.seed());
        PlaygroundData data = PlaygroundData.generate(state, random);
        return new Run(data, new PlaygroundNetwork(state, data.train(), random));
    }

    record Run(PlaygroundData data, PlaygroundNetwork network) {
        double accuracy(List<Example2D> points) {
            double[] out = network.predict(points);
            int right = 0;
            for (int i = 0; i < out.length; i++) {
                right += Math.signum(out[i]) == Math.signum(points.get(i).label()) ? 1 : 0;
            }
            return points.isEmpty() ? Double.NaN : (double) right / points.size();
        }
    }

    @Override
    public void run(LessonContext ctx) throws Exception {
        ctx.progress().println("This lesson trains on the Playground's 2-D data; it does not use --dataset.");
        Map<String, Map<String, List<Outcome>>> outcomes = new LinkedHashMap<>();
        List<PlaygroundRegions.Panel> panels = new ArrayList<>();
        for (Takeaway t : TAKEAWAYS) {
            RunConfig base = RunConfig.of("base", RunConfig.EPOCHS, ctx.options().epochsOr(t.epochs()))
                    .with("iterations_per_epoch", ITERATIONS_PER_EPOCH).with("hash", t.setups().get(0).hash());
            List<Variant> variants = new ArrayList<>();
            for (Setup s : t.setups()) {
                variants.add(Variant.of(s.label(), "hash", s.hash()));
            }
            Map<String, List<Outcome>> byVariant = new LinkedHashMap<>();
            outcomes.put(t.title(), byVariant);
            ctx.compare(new Comparison(t.title(), base, variants), (config, seed, listener) -> {
                Run run = start(config.string("hash"), seed);
                List<EpochResult> epochs = new ArrayList<>();
                for (int e = 1; e <= config.integer(RunConfig.EPOCHS); e++) {
                    long t0 = System.nanoTime();
                    for (int i = 0; i < config.integer("iterations_per_epoch"); i++) {
                        run.network().iterate();
                    }
                    EpochResult r = new EpochResult(e, run.network().loss(run.data().train()), run.accuracy(run.data().train()),
                            run.network().loss(run.data().test()), run.accuracy(run.data().test()), (System.nanoTime() - t0) / 1e9);
                    epochs.add(r);
                    listener.onEpochEnd(r);
                }
                EpochResult last = epochs.get(epochs.size() - 1);
                int[] zero = run.network().zeroWeights();
                byVariant.computeIfAbsent(config.name(), k -> new ArrayList<>()).add(new Outcome(last.loss(), last.valLoss(), zero[0], zero[1]));
                if (seed == ctx.seeds().get(0)) {
                    panels.add(new PlaygroundRegions.Panel(t.title() + "\n" + config.name() + String.format(Locale.ROOT, "\ntest loss %.3f (seed %d)",
                            last.valLoss(), seed), run.network(), run.data().train(), run.data().test()));
                }
                return new TrainingHistory(epochs, run.network().model().countParams());
            });
        }
        String table = table(outcomes, startingScreen(ctx.seeds()), ctx.seeds());
        Files.createDirectories(ctx.folder());
        Files.writeString(ctx.folder().resolve(TABLE_FILE), table, StandardCharsets.UTF_8);
        ctx.progress().print(table);
        Path regions = ctx.folder().resolve(REGIONS_FILE);
        PlaygroundRegions.write(panels, regions);
        ctx.progress().println("Written to " + ctx.folder().resolve(TABLE_FILE) + " and " + regions);
    }

    /** Iteration-0 losses of the starting screen, per seed: {train, test}. */
    static List<double[]> startingScreen(List<Long> seeds) {
        List<double[]> out = new ArrayList<>();
        for (long seed : seeds) {
            Run run = start(STARTING_SCREEN, seed);
            out.add(new double[] {run.network().loss(run.data().train()), run.network().loss(run.data().test())});
        }
        return out;
    }

    static String table(Map<String, Map<String, List<Outcome>>> outcomes, List<double[]> start, List<Long> seeds) {
        StringBuilder sb = new StringBuilder("## The Playground's takeaways\n\n");
        sb.append("Playground seeds ").append(seeds).append("; losses are ½ (output - label)² averaged over the points, mean ± std over the seeds.\n\n");
        sb.append("| takeaway | setup | expected | training loss | test loss | test − training | weights at 0 | held on |\n");
        sb.append("|---|---|---|---:|---:|---:|---:|---:|\n");
        for (Takeaway t : TAKEAWAYS) {
            Map<String, List<Outcome>> byVariant = outcomes.get(t.title());
            for (Setup s : t.setups()) {
                List<Outcome> runs = byVariant.getOrDefault(s.label(), List.of());
                if (runs.isEmpty()) {
                    continue;
                }
                int held = 0;
                for (Outcome o : runs) {
                    held += holds(s.expect(), o, byVariant, t) ? 1 : 0;
                }
                sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", t.title(), s.label(), s.expect(),
                        meanStd(runs.stream().mapToDouble(Outcome::train).toArray()), meanStd(runs.stream().mapToDouble(Outcome::test).toArray()),
                        meanStd(runs.stream().mapToDouble(o -> o.test() - o.train()).toArray()),
                        meanStd(runs.stream().mapToDouble(Outcome::zeroWeights).toArray(), 1) + " of " + runs.get(0).weights(),
                        s.expect().equals("baseline") ? "—" : held + " of " + runs.size()));
            }
        }
        sb.append(String.format(Locale.ROOT, "%n### The starting screen, before any training%n%n"
                        + "0 hidden layers, linear activation, learning rate 0.03, batch 10, 50 %% training data, noise 0, circle, X1 and X2.%n%n"
                        + "| | test loss | training loss |%n|---|---:|---:|%n| playground.tensorflow.org (its own random seed) | %.3f | %.3f |%n"
                        + "| keras4j, seeds %s | %s | %s |%n",
                PLAYGROUND_START_TEST, PLAYGROUND_START_TRAIN, seeds, meanStd(start.stream().mapToDouble(a -> a[1]).toArray()),
                meanStd(start.stream().mapToDouble(a -> a[0]).toArray())));
        return sb.toString();
    }

    /** Whether one run shows what the setup is expected to show. */
    static boolean holds(String expect, Outcome o, Map<String, List<Outcome>> byVariant, Takeaway t) {
        return switch (expect) {
            case "fails" -> o.test() > FAILS_ABOVE;
            case "succeeds" -> o.test() < SUCCEEDS_BELOW;
            case "better" -> o.test() < mean(byVariant.get(t.setups().get(0).label()), Outcome::test);
            case "most weights 0" -> o.zeroWeights() * 2 > o.weights();
            case "no weight 0" -> o.zeroWeights() == 0;
            case "baseline" -> true; // the row the next one is compared with
            case "wider gap" -> o.test() - o.train() > mean(byVariant.get(t.setups().get(0).label()), x -> x.test() - x.train());
            default -> throw new IllegalStateException("unknown expectation " + expect);
        };
    }

    private static double mean(List<Outcome> runs, java.util.function.ToDoubleFunction<Outcome> f) {
        return runs.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    static String meanStd(double[] v) {
        return meanStd(v, 3);
    }

    static String meanStd(double[] v, int decimals) {
        double mean = java.util.Arrays.stream(v).average().orElse(Double.NaN);
        double var = v.length < 2 ? 0 : java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1);
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, f + " ± " + f, mean, Math.sqrt(var));
    }
}
