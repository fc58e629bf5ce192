package io.github.keras4j.examples.lessons;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.examples.Lesson;
import io.github.keras4j.examples.LessonContext;
import io.github.keras4j.examples.data.ImageData;
import io.github.keras4j.examples.experiments.Comparison;
import io.github.keras4j.examples.experiments.RunConfig;
import io.github.keras4j.examples.experiments.Trainer;
import io.github.keras4j.examples.experiments.Variant;
import io.github.keras4j.examples.training.SeededFit;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Dropout;
import io.github.keras4j.models.FitOptions;
import io.github.keras4j.models.Sequential;
import io.github.keras4j.optimizers.Adam;
import io.github.keras4j.optimizers.Optimizer;
import io.github.keras4j.optimizers.SGD;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Lesson 2, the "Keras: Hello World" demo of Hung-yi Lee's machine-learning course: a network of
 * {@code Dense(500, sigmoid)} layers and a softmax output, trained with SGD in batches of {@value #BATCH_SIZE}
 * for {@value #EPOCHS} epochs on the first {@value #TRAIN_IMAGES} training images, changed one thing at a time.
 * Each comparison is a pair with the test accuracies the tutorial reports:
 * <ul>
 *   <li>MSE 0.395 vs cross-entropy 0.919 (SGD lr 0.01)</li>
 *   <li>no mini-batch (one batch of all the images) 0.147 vs mini-batch 0.919</li>
 *   <li>3 vs 9 Dense layers, sigmoid: 0.919 vs 0.114</li>
 *   <li>sigmoid 0.113 vs ReLU 0.963, at 9 layers</li>
 *   <li>SGD 0.922 vs Adam 0.937</li>
 *   <li>no dropout 0.906 vs dropout 0.918, on test images with the demo's noise</li>
 *   <li>simple 0.94 (the sigmoid model with Adam) vs complex 0.96 (the demo's 3 x Dense(689, relu) with Adam)</li>
 * </ul>
 * and one pair the tutorial does not have: SGD's learning rate, Keras' default {@value SGD#DEFAULT_LEARNING_RATE}
 * (the tutorial's base, 0.919) vs the {@value #LECTURE_LEARNING_RATE} of the lecture's code,
 * {@code SGD(lr=0.1)}.
 * Readings: "3 layers" are the Dense layers of the demo's code, 784 -> 500 -> 500 -> 10 (two hidden layers and the
 * output), and "9 layers" eight Dense(500) and the output; the tutorial's text speaks of 1 vs 7 hidden layers.
 * Settings the tutorial leaves unstated are Keras' defaults: SGD learning rate {@value SGD#DEFAULT_LEARNING_RATE}
 * without momentum, Adam's learning rate {@value Adam#DEFAULT_LEARNING_RATE}, glorot_uniform kernels, zero
 * biases, a new shuffle every epoch. The dropout rate is the demo code's {@value #DROPOUT_RATE} after every hidden
 * layer, and its noise is {@code x_test = np.random.normal(x_test)} applied before dividing by 255, that is
 * Gaussian noise of standard deviation 1/255 on the scaled pixels.
 */
public final class HelloWorld implements Lesson {
    public static final int EPOCHS = 20;
    /** The demo trains on {@code x_train[0:10000]}. */
    public static final int TRAIN_IMAGES = 10_000;
    public static final int UNITS = 500;
    public static final int BATCH_SIZE = 100;
    /** The dropout rate of the demo's code, {@code Dropout(0.7)}: 70% of the units dropped while training. */
    public static final double DROPOUT_RATE = 0.7;
    /** {@code np.random.normal(x_test)} on 0..255 pixels, then {@code / 255}: noise of std 1/255 on 0..1 pixels. */
    public static final double TEST_NOISE_STD = 1.0 / 255;
    /** The learning rate of the lecture code's {@code SGD(lr=0.1)}. */
    public static final double LECTURE_LEARNING_RATE = 0.1;
    /** The width of the demo's larger ReLU network. */
    public static final int COMPLEX_UNITS = 689;

    @Override
    public String name() {
        return "hello-world";
    }

    @Override
    public String description() {
        return "Hung-yi Lee's \"Keras: Hello World\": MSE vs cross-entropy, mini-batch, depth, ReLU, Adam, dropout, lr";
    }

    /** The demo's network for a configuration: hidden Dense layers, optional dropout, a softmax output. */
    static Sequential model(RunConfig c) {
        int units = c.integer("units");
        String activation = c.string("activation");
        double dropout = c.number("dropout");
        Sequential model = new Sequential();
        model.add(new Dense(units, activation).inputShape(ImageData.PIXELS));   // Dense(input_dim=28*28, units=500, ...)
        if (dropout > 0) {
            model.add(new Dropout(dropout));
        }
        for (int i = 1; i < c.integer("hidden_layers"); i++) {
            model.add(new Dense(units, activation));
            if (dropout > 0) {
                model.add(new Dropout(dropout));
            }
        }
        model.add(new Dense(ImageData.CLASSES, "softmax"));
        model.compile(optimizer(c), c.string("loss"), "acc");
        return model;
    }

    static Optimizer optimizer(RunConfig c) {
        double lr = c.number("learning_rate");
        return switch (c.string("optimizer")) {
            case "sgd" -> new SGD(lr);
            case "adam" -> new Adam(lr);
            default -> throw new IllegalArgumentException("optimizer '" + c.string("optimizer") + "' is not one of this lesson's: sgd, adam");
        };
    }

    @Override
    public void run(LessonContext ctx) throws Exception {
        ImageData data = ctx.data().firstTrainingSamples(TRAIN_IMAGES);
        PrintStream out = ctx.progress();
        out.println("Reading: \"3 layers\" = 784 -> 500 -> 500 -> 10 (the Dense layers of the demo's code: 2 hidden + output);"
                + " \"9 layers\" = 8 hidden Dense(500) + output. The tutorial's text speaks of 1 vs 7 hidden layers.");
        out.println("Unstated by the tutorial, from Keras' defaults: SGD lr " + SGD.DEFAULT_LEARNING_RATE
                + " (no momentum), Adam lr " + Adam.DEFAULT_LEARNING_RATE + ", glorot_uniform kernels, zero biases, shuffle every epoch.");
        out.println("Dropout: the demo code's Dropout(" + DROPOUT_RATE + ") after every hidden layer; its test noise is"
                + " np.random.normal(x_test) before / 255, i.e. std " + String.format(Locale.ROOT, "%.5f", TEST_NOISE_STD)
                + " on 0..1 pixels. Accuracies are on the test set (" + data.testSize() + " images).");
        RunConfig base = ctx.base(EPOCHS)
                .with("train_images", data.trainSize())
                .with("hidden_layers", 2)
                .with("units", UNITS)
                .with("activation", "sigmoid")
                .with("dropout", 0.0)
                .with("loss", "categorical_crossentropy")
                .with("optimizer", "sgd")
                .with("learning_rate", SGD.DEFAULT_LEARNING_RATE)
                .with("batch_size", BATCH_SIZE)
                .with("kernel_initializer", Dense.DEFAULT_KERNEL_INITIALIZER)
                .with("test_noise_std", 0.0);
        Trainer trainer = (config, seed, listener) -> {
            INDArray xTest = noisy(data.xTestFlat(), config.number("test_noise_std"), seed);
            return SeededFit.fit(seed, () -> model(config), data.xTrainFlat(), data.yTrain(), FitOptions.defaults()
                    .withBatchSize(config.integer("batch_size"))
                    .withEpochs(config.integer(RunConfig.EPOCHS))
                    .withVerbose(0)
                    .withValidationData(xTest, data.yTest()), listener).history();
        };
        for (Comparison c : comparisons(base, data.trainSize())) {
            ctx.compare(c, trainer);
        }
    }

    /** The tutorial's seven pairs, with the test accuracies it reports, and the learning-rate pair. */
    static List<Comparison> comparisons(RunConfig base, int trainImages) {
        RunConfig deep = base.with("hidden_layers", 8);
        RunConfig adam = base.with("optimizer", "adam").with("learning_rate", Adam.DEFAULT_LEARNING_RATE);
        return List.of(
                new Comparison("MSE vs cross-entropy", base, List.of(
                        Variant.of("mse", "loss", "mse"), Variant.of("cross-entropy")))
                        .withReference("mse", 0.395).withReference("cross-entropy", 0.919),
                new Comparison("No mini-batch vs mini-batch", base, List.of(
                        Variant.of("no-mini-batch", "batch_size", trainImages), Variant.of("mini-batch")))
                        .withReference("no-mini-batch", 0.147).withReference("mini-batch", 0.919),
                new Comparison("3 vs 9 layers, sigmoid", base, List.of(
                        Variant.of("3-layers"), Variant.of("9-layers", "hidden_layers", 8)))
                        .withReference("3-layers", 0.919).withReference("9-layers", 0.114),
                new Comparison("Sigmoid vs ReLU at 9 layers", deep, List.of(
                        Variant.of("sigmoid"), Variant.of("relu", "activation", "relu")))
                        .withReference("sigmoid", 0.113).withReference("relu", 0.963),
                new Comparison("SGD vs Adam", base, List.of(
                        Variant.of("sgd"), Variant.of("adam", "optimizer", "adam", "learning_rate", Adam.DEFAULT_LEARNING_RATE)))
                        .withReference("sgd", 0.922).withReference("adam", 0.937),
                new Comparison("No dropout vs dropout, noisy test images", base.with("test_noise_std", TEST_NOISE_STD), List.of(
                        Variant.of("no-dropout"), Variant.of("dropout", "dropout", DROPOUT_RATE)))
                        .withReference("no-dropout", 0.906).withReference("dropout", 0.918),
                new Comparison("Simple vs complex", adam, List.of(
                        Variant.of("simple"),
                        Variant.of("complex", "hidden_layers", 3, "units", COMPLEX_UNITS, "activation", "relu")))
                        .withReference("simple", 0.94).withReference("complex", 0.96),
                new Comparison("SGD learning rate 0.01 vs 0.1", base, List.of(
                        Variant.of("lr-0.01"), Variant.of("lr-0.1", "learning_rate", LECTURE_LEARNING_RATE)))
                        .withReference("lr-0.01", 0.919));
    }

    /** {@code x} plus Gaussian noise of standard deviation {@code std} (seeded), or {@code x} itself for std 0. */
    static INDArray noisy(INDArray x, double std, long seed) {
        if (std == 0) {
            return x;
        }
        double[] v = NativeMemory.read(x);
        Random random = new Random(seed);
        for (int i = 0; i < v.length; i++) {
            v[i] += std * random.nextGaussian();
        }
        INDArray out = Nd4j.create(x.dataType(), x.shape(), 'c');
        NativeMemory.write(v, out);
        return out;
    }
}
