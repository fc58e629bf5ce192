package io.github.keras4j.examples.lessons;

import io.github.keras4j.examples.Lesson;
import io.github.keras4j.examples.LessonContext;
import io.github.keras4j.examples.data.ImageData;
import io.github.keras4j.examples.experiments.Comparison;
import io.github.keras4j.examples.experiments.RunConfig;
import io.github.keras4j.examples.experiments.Variant;
import io.github.keras4j.examples.training.SeededFit;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.losses.CategoricalCrossentropy;
import io.github.keras4j.losses.CategoricalHinge;
import io.github.keras4j.losses.Loss;
import io.github.keras4j.models.FitOptions;
import io.github.keras4j.models.Sequential;
import io.github.keras4j.optimizers.SGD;
import io.github.keras4j.regularizers.Regularizers;
import io.github.keras4j.utils.Utils;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lesson 5, the CS231n linear-classification demo: a linear score function {@code s = W x + b} (a {@code Dense(3)}
 * without activation) on nine 2-D points of three classes, starting from the demo's {@code W} and {@code b},
 * trained with the softmax (cross-entropy on the scores) or the multiclass SVM loss (Keras'
 * {@code categorical_hinge}, Crammer and Singer's {@code max(0, 1 + max_{j != y} s_j - s_y)}, where Keras takes
 * the wrong classes' best score as at least 0) plus an L2 penalty
 * {@code lambda * sum(W^2)} on the weights. It writes the decision regions of every variant to
 * {@value #REGIONS_FILE}. Then the same linear classifier on the {@code --dataset} images, softmax vs SVM.
 */
public final class LinearClassifier implements Lesson {
    public static final String REGIONS_FILE = "decision-regions.png";
    /** Full-batch gradient steps on the 2-D points. */
    public static final int DEMO_EPOCHS = 200;
    public static final double DEMO_LEARNING_RATE = 0.1;
    /** The demo's regularization strength. */
    public static final double DEMO_L2 = 0.1;
    public static final double STRONG_L2 = 1.0;
    public static final int IMAGE_EPOCHS = 10;
    public static final double IMAGE_L2 = 1e-4;

    /** The demo's nine points, three per class. */
    static final double[][] POINTS = {{0.5, 0.4}, {0.8, 0.3}, {0.3, 0.8}, {-0.4, 0.3}, {-0.3, 0.7}, {-0.7, 0.2},
            {0.7, -0.4}, {0.5, -0.6}, {-0.4, -0.5}};
    static final int[] LABELS = {0, 0, 0, 1, 1, 1, 2, 2, 2};
    /** The demo's starting weights, one row per class: {@code W = [[1, 2], [2, -4], [3, -1]], b = [0, 0.5, -0.5]}. */
    static final double[][] START_W = {{1, 2}, {2, -4}, {3, -1}};
    static final double[] START_B = {0, 0.5, -0.5};

    @Override
    public String name() {
        return "linear-classifier";
    }

    @Override
    public String description() {
        return "CS231n linear classifier: softmax vs multiclass SVM with L2, 2-D decision regions, then on the images";
    }

    /** A linear classifier with {@code classes} scores and L2 strength {@code l2} on its kernel. */
    static Sequential linear(int inputs, int classes, double l2) {
        Dense scores = new Dense(classes).inputShape(inputs);   // s = W x + b, no activation
        if (l2 > 0) {
            scores.kernelRegularizer(Regularizers.l2(l2));
        }
        return new Sequential(scores);
    }

    /** "softmax": cross-entropy on the scores (from logits); "svm": the multiclass hinge. */
    static Loss loss(String name) {
        return switch (name) {
            case "softmax" -> new CategoricalCrossentropy(true);
            case "svm" -> new CategoricalHinge();
            default -> throw new IllegalArgumentException("loss '" + name + "' is not one of this lesson's: softmax, svm");
        };
    }

    @Override
    public void run(LessonContext ctx) throws Exception {
        demo(ctx);
        images(ctx);
    }

    private void demo(LessonContext ctx) throws Exception {
        INDArray x = array(POINTS);
        INDArray y = Utils.toCategorical(Nd4j.createFromArray(LABELS).castTo(DataType.FLOAT), 3);
        RunConfig base = RunConfig.of("base", "data", "the demo's 9 points, 3 classes",
                        RunConfig.EPOCHS, ctx.options().epochsOr(DEMO_EPOCHS))
                .with("loss", "softmax")
                .with("l2", DEMO_L2)
                .with("optimizer", "sgd, full batch")
                .with("learning_rate", DEMO_LEARNING_RATE)
                .with("start", "the demo's W and b");
        Comparison c = new Comparison("2-D demo: softmax vs SVM", base, List.of(
                Variant.of("softmax"), Variant.of("svm", "loss", "svm"),
                Variant.of("softmax-strong-l2", "l2", STRONG_L2), Variant.of("svm-strong-l2", "loss", "svm", "l2", STRONG_L2)));
        Map<String, Sequential> trained = new LinkedHashMap<>();
        ctx.compare(c, (config, seed, listener) -> {
            SeededFit.Trained run = SeededFit.fit(seed, () -> {
                Sequential model = linear(2, 3, config.number("l2"));
                model.setWeights(List.of(array(transpose(START_W)), Nd4j.createFromArray(START_B).castTo(DataType.FLOAT)));
                model.compile(new SGD(config.number("learning_rate")), loss(config.string("loss")), "acc");
                return model;
            }, x, y, FitOptions.defaults().withBatchSize(POINTS.length).withEpochs(config.integer(RunConfig.EPOCHS))
                    .withVerbose(0).withValidationData(x, y), listener);
            trained.putIfAbsent(config.name(), run.model());
            return run.history();
        });
        Path file = ctx.folder().resolve(REGIONS_FILE);
        DecisionRegions.write(trained, POINTS, LABELS, file);
        ctx.progress().println("Decision regions written to " + file);
    }

    private void images(LessonContext ctx) throws Exception {
        ImageData data = ctx.data();
        RunConfig base = ctx.base(IMAGE_EPOCHS)
                .with("train_images", data.trainSize())
                .with("loss", "softmax")
                .with("l2", IMAGE_L2)
                .with("optimizer", "sgd")
                .with("learning_rate", SGD.DEFAULT_LEARNING_RATE)
                .with("batch_size", FitOptions.DEFAULT_BATCH_SIZE);
        Comparison c = new Comparison("Linear classifier on images: softmax vs SVM", base, List.of(
                Variant.of("softmax"), Variant.of("svm", "loss", "svm")));
        ctx.compare(c, (config, seed, listener) -> SeededFit.fit(seed, () -> {
                    Sequential model = linear(ImageData.PIXELS, ImageData.CLASSES, config.number("l2"));
                    model.compile(new SGD(config.number("learning_rate")), loss(config.string("loss")), "acc");
                    return model;
                }, data.xTrainFlat(), data.yTrain(), FitOptions.defaults()
                        .withBatchSize(config.integer("batch_size"))
                        .withEpochs(config.integer(RunConfig.EPOCHS))
                        .withVerbose(0)
                        .withValidationData(data.xTestFlat(), data.yTest()), listener).history());
    }

    static double[][] transpose(double[][] m) {
        double[][] t = new double[m[0].length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }

    static INDArray array(double[][] rows) {
        return Nd4j.createFromArray(rows).castTo(DataType.FLOAT);
    }
}
