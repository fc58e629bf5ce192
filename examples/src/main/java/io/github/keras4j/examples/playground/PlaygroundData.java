package io.github.keras4j.examples.playground;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The points of one setup, drawn as the Playground's {@code generateData} draws them: the generator's points
 * (500 for classification, 1200 for regression) with noise / 100, shuffled by Fisher-Yates with the same
 * generator, the first {@code percTrainData} % for training and the rest for testing.
 */
public record PlaygroundData(List<Example2D> train, List<Example2D> test) {
    public PlaygroundData {
        train = List.copyOf(train);
        test = List.copyOf(test);
    }

    /** The data of {@code state}, drawn from {@code random} (which the weights are drawn from next). */
    public static PlaygroundData generate(PlaygroundState state, SeedRandom random) {
        DataGenerator generator = state.generator();
        int n = generator.isRegression() ? DataGenerator.REGRESSION_SAMPLES : DataGenerator.CLASSIFICATION_SAMPLES;
        List<Example2D> points = new ArrayList<>(generator.generate(n, state.noise() / 100, random));
        shuffle(points, random);
        int split = (int) Math.floor(points.size() * state.percTrainData() / 100);
        return new PlaygroundData(points.subList(0, split), points.subList(split, points.size()));
    }

    /** Fisher-Yates from the end, as the Playground's {@code shuffle}. */
    static void shuffle(List<Example2D> points, SeedRandom random) {
        for (int counter = points.size(); counter > 0; ) {
            int index = (int) Math.floor(random.nextDouble() * counter);
            counter--;
            Collections.swap(points, counter, index);
        }
    }

    /**
     * A new seed drawn from {@code random}, as the Playground picks one when the data is regenerated:
     * {@code Math.random().toFixed(5)} (JavaScript rounds the exact value, half up).
     */
    public static String newSeed(SeedRandom random) {
        return new BigDecimal(random.nextDouble()).setScale(5, RoundingMode.HALF_UP).toPlainString();
    }
}
