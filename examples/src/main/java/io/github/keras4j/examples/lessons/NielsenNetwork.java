package io.github.keras4j.examples.lessons;

import io.github.keras4j.examples.Lesson;
import io.github.keras4j.examples.LessonContext;
import io.github.keras4j.examples.data.ImageData;
import io.github.keras4j.examples.experiments.Comparison;
import io.github.keras4j.examples.experiments.RunConfig;
import io.github.keras4j.examples.experiments.Variant;
import io.github.keras4j.examples.training.SeededFit;
import io.github.keras4j.initializers.RandomNormal;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.losses.Loss;
import io.github.keras4j.losses.MeanSquaredError;
import io.github.keras4j.models.FitOptions;
import io.github.keras4j.models.Sequential;
import io.github.keras4j.optimizers.SGD;

import java.util.List;

/**
 * Lesson 3, the network of chapter 1 of Michael Nielsen's "Neural Networks and Deep Learning" ({@code network.py}):
 * {@code Network([784, 30, 10])} with sigmoid neurons in every layer, weights and biases drawn from N(0, 1), the
 * quadratic cost, mini-batch SGD with {@code eta = }{@value #LEARNING_RATE}, mini-batches of {@value #BATCH_SIZE},
 * {@value #EPOCHS} epochs. The book reports about 95% on the test set (trained on 50,000 images). Beside it:
 * {@code Network([784, 10])}, without a hidden layer (the chapter's exercise, no number given), and the
 * {@code [784, 30, 10]} network with Keras' {@code "mse"} instead of the book's cost (see {@link QuadraticCost}).
 */
public final class NielsenNetwork implements Lesson {
    public static final int EPOCHS = 30;
    public static final int BATCH_SIZE = 10;
    public static final double LEARNING_RATE = 3.0;
    public static final int HIDDEN = 30;
    /** The book's test accuracy for [784, 30, 10] after 30 epochs, "about 95%". */
    public static final double BOOK_ACCURACY = 0.95;

    @Override
    public String name() {
        return "nielsen";
    }

    @Override
    public String description() {
        return "Nielsen's network.py: [784, 30, 10] sigmoid, quadratic cost, SGD eta 3.0, batch 10, 30 epochs; and [784, 10]";
    }

    /** {@code Network(sizes)}: sigmoid Dense layers with N(0, 1) weights and biases, as network.py draws them. */
    static Sequential network(List<Integer> sizes, Loss cost, double eta) {
        Sequential net = new Sequential();
        for (int i = 1; i < sizes.size(); i++) {
            Dense layer = new Dense(sizes.get(i), "sigmoid")
                    .kernelInitializer(new RandomNormal(0, 1))   // np.random.randn(y, x)
                    .biasInitializer(new RandomNormal(0, 1));    // np.random.randn(y, 1)
            net.add(i == 1 ? layer.inputShape(sizes.get(0)) : layer);
        }
        net.compile(new SGD(eta), cost, "acc");
        return net;
    }

    static Loss cost(String name) {
        return switch (name) {
            case "quadratic" -> new QuadraticCost();
            case "mse" -> new MeanSquaredError();
            default -> throw new IllegalArgumentException("cost '" + name + "' is not one of this lesson's: quadratic, mse");
        };
    }

    @Override
    public void run(LessonContext ctx) throws Exception {
        ImageData data = ctx.data();
        ctx.progress().println("Cost: network.py's quadratic cost, 1/2 * sum over the 10 outputs, mean over the mini-batch;"
                + " Keras' \"mse\" (the mean over the outputs) has a 5x smaller gradient at the same eta, shown as a third variant.");
        RunConfig base = ctx.base(EPOCHS)
                .with("train_images", data.trainSize())
                .with("sizes", "[784, 30, 10]")
                .with("activation", "sigmoid (every layer)")
                .with("init", "N(0, 1) weights and biases")
                .with("cost", "quadratic")
                .with("optimizer", "sgd")
                .with("learning_rate", LEARNING_RATE)
                .with("batch_size", BATCH_SIZE);
        Comparison c = new Comparison("Nielsen's network", base, List.of(
                Variant.of("[784, 30, 10]"),
                Variant.of("[784, 10]", "sizes", "[784, 10]"),
                Variant.of("[784, 30, 10] keras-mse", "cost", "mse")))
                .withReference("[784, 30, 10]", BOOK_ACCURACY);
        ctx.compare(c, (config, seed, listener) -> SeededFit.fit(seed,
                () -> network(sizes(config.string("sizes")), cost(config.string("cost")), config.number("learning_rate")),
                data.xTrainFlat(), data.yTrain(), FitOptions.defaults()
                        .withBatchSize(config.integer("batch_size"))
                        .withEpochs(config.integer(RunConfig.EPOCHS))
                        .withVerbose(0)
                        .withValidationData(data.xTestFlat(), data.yTest()), listener).history());
    }

    /** {@code "[784, 30, 10]"} as a list of layer sizes. */
    static List<Integer> sizes(String text) {
        String inner = text.trim();
        if (!inner.startsWith("[") || !inner.endsWith("]")) {
            throw new IllegalArgumentException("layer sizes must look like [784, 30, 10], got '" + text + "'");
        }
        return java.util.Arrays.stream(inner.substring(1, inner.length() - 1).split(","))
                .map(String::trim).map(Integer::valueOf).toList();
    }
}
