package io.github.keras4j.examples.lessons;

import io.github.keras4j.examples.Lesson;
import io.github.keras4j.examples.LessonContext;
import io.github.keras4j.examples.data.ImageData;
import io.github.keras4j.examples.experiments.Comparison;
import io.github.keras4j.examples.experiments.RunConfig;
import io.github.keras4j.examples.experiments.Variant;
import io.github.keras4j.examples.training.SeededFit;
import io.github.keras4j.layers.Activation;
import io.github.keras4j.layers.BatchNormalization;
import io.github.keras4j.layers.Conv2D;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Dropout;
import io.github.keras4j.layers.Flatten;
import io.github.keras4j.layers.MaxPooling2D;
import io.github.keras4j.models.FitOptions;
import io.github.keras4j.models.Sequential;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * The lesson the MLP lessons lead to: the Keras MNIST tutorial's MLP ({@code Flatten -> Dense(64, sigmoid) ->
 * Dense(10, softmax)}) against Keras' "simple MNIST convnet" ({@code Conv2D(32, 3, relu) -> MaxPooling2D(2) ->
 * Conv2D(64, 3, relu) -> MaxPooling2D(2) -> Flatten -> Dropout(0.5) -> Dense(10, softmax)}), and that convnet
 * with a {@link BatchNormalization} after each Conv2D. All three train as the Keras example does: Adam with
 * Keras' defaults, categorical cross-entropy, batches of {@value #BATCH_SIZE}, {@value #EPOCHS} epochs. The
 * Keras example reports about {@value #KERAS_TEST_ACCURACY} test accuracy on the full 60,000 MNIST images.
 *
 * <p>With BatchNormalization the convolution's ReLU moves after the normalization ({@code Conv2D(linear) ->
 * BatchNormalization -> ReLU}), the order of the BatchNormalization paper and of Keras' own examples; the
 * Conv2D keeps its bias, which BatchNormalization's centring makes redundant but harmless, so the two convnets
 * differ only by the normalization.
 */
public final class ConvolutionalNetwork implements Lesson {
    public static final String NAME = "cnn";
    public static final int EPOCHS = 15;
    public static final int BATCH_SIZE = 128;
    /** The test accuracy Keras' "simple MNIST convnet" example reports after 15 epochs on full MNIST. */
    public static final double KERAS_TEST_ACCURACY = 0.99;
    static final String MLP = "mlp";
    static final String CONVNET = "convnet";
    static final String CONVNET_BN = "convnet-batchnorm";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "the tutorial MLP vs Keras' simple MNIST convnet, without and with BatchNormalization, Adam, 15 epochs";
    }

    /** The model a variant names, uncompiled. */
    static Sequential model(String variant) {
        Sequential model = new Sequential();
        switch (variant) {
            case MLP -> {
                model.add(new Flatten().inputShape(28, 28, 1));
                model.add(new Dense(64, "sigmoid"));
            }
            case CONVNET -> {
                model.add(new Conv2D(32, 3, "relu").inputShape(28, 28, 1));
                model.add(new MaxPooling2D(2));
                model.add(new Conv2D(64, 3, "relu"));
                model.add(new MaxPooling2D(2));
                model.add(new Flatten());
                model.add(new Dropout(0.5));
            }
            case CONVNET_BN -> {
                model.add(new Conv2D(32, 3).inputShape(28, 28, 1));
                model.add(new BatchNormalization());
                model.add(new Activation("relu"));
                model.add(new MaxPooling2D(2));
                model.add(new Conv2D(64, 3));
                model.add(new BatchNormalization());
                model.add(new Activation("relu"));
                model.add(new MaxPooling2D(2));
                model.add(new Flatten());
                model.add(new Dropout(0.5));
            }
            default -> throw new IllegalArgumentException("unknown variant " + variant);
        }
        model.add(new Dense(ImageData.CLASSES, "softmax"));
        return model;
    }

    @Override
    public void run(LessonContext ctx) throws Exception {
        ImageData data = ctx.data();
        // Images as Keras' example feeds them: channels last, [N, 28, 28, 1].
        INDArray xTrain = data.xTrain().reshape('c', data.trainSize(), 28, 28, 1);
        INDArray xTest = data.xTest().reshape('c', data.testSize(), 28, 28, 1);
        RunConfig base = ctx.base(EPOCHS)
                .with("model", MLP)
                .with("optimizer", "adam (Keras defaults: lr 0.001, beta1 0.9, beta2 0.999, epsilon 1e-7)")
                .with("loss", "categorical_crossentropy")
                .with("batch_size", BATCH_SIZE)
                .with("train_images", data.trainSize())
                .with("validation_data", "test set, " + data.testSize() + " images");
        Comparison c = new Comparison("MLP vs convnet vs convnet with BatchNormalization", base, List.of(
                Variant.of(MLP),
                Variant.of(CONVNET, "model", CONVNET),
                Variant.of(CONVNET_BN, "model", CONVNET_BN)))
                .withReference(CONVNET, KERAS_TEST_ACCURACY);
        ctx.compare(c, (config, seed, listener) -> SeededFit.fit(seed, () -> {
                    Sequential model = model(config.string("model"));
                    model.compile("adam", config.string("loss"), "acc");
                    return model;
                }, xTrain, data.yTrain(), FitOptions.defaults()
                        .withBatchSize(config.integer("batch_size"))
                        .withEpochs(config.integer(RunConfig.EPOCHS))
                        .withVerbose(0)
                        .withValidationData(xTest, data.yTest()), listener).history());
    }
}
