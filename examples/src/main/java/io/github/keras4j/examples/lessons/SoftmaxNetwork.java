package io.github.keras4j.examples.lessons;

import io.github.keras4j.examples.Lesson;
import io.github.keras4j.examples.LessonContext;
import io.github.keras4j.examples.data.ImageData;
import io.github.keras4j.examples.experiments.Comparison;
import io.github.keras4j.examples.experiments.RunConfig;
import io.github.keras4j.examples.experiments.Variant;
import io.github.keras4j.examples.training.SeededFit;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.models.FitOptions;
import io.github.keras4j.models.Sequential;
import io.github.keras4j.optimizers.SGD;
import io.github.keras4j.regularizers.Regularizers;

import java.util.List;

/**
 * Lesson 4, the from-scratch softmax network of the CS231n-style tutorials, in Keras terms: softmax regression
 * (one Dense(10, softmax) layer on the 784 pixels, cross-entropy; the tutorials report about 92% on MNIST), then
 * one hidden layer of {@value #HIDDEN} ReLU units with L2 regularization on the weights (about 98%). Both are
 * trained with mini-batch SGD, learning rate {@value #LEARNING_RATE}, batches of {@value #BATCH_SIZE}, for
 * {@value #EPOCHS} epochs. The L2 term is Keras' {@code l2(}{@value #L2}{@code )}: {@value #L2} times the sum
 * of the squared kernel weights added to the loss (the tutorials' {@code 0.5 * reg * sum(W^2)} with
 * {@code reg = 2e-4}); biases are not regularized.
 */
public final class SoftmaxNetwork implements Lesson {
    public static final int EPOCHS = 20;
    public static final int HIDDEN = 500;
    public static final double LEARNING_RATE = 0.1;
    public static final int BATCH_SIZE = 100;
    public static final double L2 = 1e-4;

    @Override
    public String name() {
        return "softmax-network";
    }

    @Override
    public String description() {
        return "from-scratch softmax network: softmax regression vs 500 ReLU units with L2";
    }

    /** Softmax regression ({@code hidden = 0}) or one ReLU hidden layer, with L2 on the kernels. */
    static Sequential model(int hidden, double l2) {
        Sequential model = new Sequential();
        if (hidden == 0) {
            model.add(withL2(new Dense(ImageData.CLASSES, "softmax"), l2).inputShape(ImageData.PIXELS));
        } else {
            model.add(withL2(new Dense(hidden, "relu"), l2).inputShape(ImageData.PIXELS));
            model.add(withL2(new Dense(ImageData.CLASSES, "softmax"), l2));
        }
        return model;
    }

    private static Dense withL2(Dense layer, double l2) {
        return l2 > 0 ? layer.kernelRegularizer(Regularizers.l2(l2)) : layer;
    }

    @Override
    public void run(LessonContext ctx) throws Exception {
        ImageData data = ctx.data();
        RunConfig base = ctx.base(EPOCHS)
                .with("train_images", data.trainSize())
                .with("hidden_units", 0)
                .with("l2", 0.0)
                .with("loss", "categorical_crossentropy")
                .with("optimizer", "sgd")
                .with("learning_rate", LEARNING_RATE)
                .with("batch_size", BATCH_SIZE);
        Comparison c = new Comparison("Softmax regression vs two-layer network", base, List.of(
                Variant.of("softmax-regression"),
                Variant.of("two-layer-relu-l2", "hidden_units", HIDDEN, "l2", L2)))
                .withReference("softmax-regression", 0.92).withReference("two-layer-relu-l2", 0.98);
        ctx.compare(c, (config, seed, listener) -> SeededFit.fit(seed, () -> {
                    Sequential model = model(config.integer("hidden_units"), config.number("l2"));
                    model.compile(new SGD(config.number("learning_rate")), config.string("loss"), "acc");
                    return model;
                }, data.xTrainFlat(), data.yTrain(), FitOptions.defaults()
                        .withBatchSize(config.integer("batch_size"))
                        .withEpochs(config.integer(RunConfig.EPOCHS))
                        .withVerbose(0)
                        .withValidationData(data.xTestFlat(), data.yTest()), listener).history());
    }
}
