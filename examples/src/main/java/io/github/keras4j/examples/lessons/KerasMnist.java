package io.github.keras4j.examples.lessons;

import io.github.keras4j.callbacks.ProgbarLogger;
import io.github.keras4j.examples.Lesson;
import io.github.keras4j.examples.LessonContext;
import io.github.keras4j.examples.data.ImageData;
import io.github.keras4j.examples.experiments.Comparison;
import io.github.keras4j.examples.experiments.RunConfig;
import io.github.keras4j.examples.experiments.Variant;
import io.github.keras4j.examples.training.SeededFit;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Flatten;
import io.github.keras4j.models.FitOptions;
import io.github.keras4j.models.Sequential;
import io.github.keras4j.utils.Utils;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Lesson 1, the Keras MNIST tutorial: {@code Flatten(28x28) -> Dense(64, sigmoid) -> Dense(10, softmax)},
 * {@code compile("adam", "categorical_crossentropy", "acc")}, {@code fit} for {@value #EPOCHS} epochs with the
 * test set as validation data, then {@code summary()}, {@code evaluate} and {@code predict}, printed as the
 * tutorial prints them. The tutorial reports {@value #TUTORIAL_TEST_ACCURACY} test accuracy on full MNIST.
 */
public final class KerasMnist implements Lesson {
    public static final String NAME = "keras-mnist";
    public static final int EPOCHS = 10;
    /** The test accuracy the tutorial reports after 10 epochs on full MNIST. */
    public static final double TUTORIAL_TEST_ACCURACY = 0.9714;
    /** How many test images the lesson shows predictions for. */
    public static final int PREDICTIONS_SHOWN = 5;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "the Keras MNIST tutorial: Flatten -> Dense(64, sigmoid) -> Dense(10, softmax), Adam, 10 epochs";
    }

    /** The tutorial's model, compiled. */
    public static Sequential model() {
        Sequential model = new Sequential();
        model.add(new Flatten().inputShape(28, 28));
        model.add(new Dense(64, "sigmoid"));
        model.add(new Dense(10, "softmax"));
        model.compile("adam", "categorical_crossentropy", "acc");
        return model;
    }

    @Override
    public void run(LessonContext ctx) throws Exception {
        ImageData data = ctx.data();
        PrintStream out = ctx.progress();
        RunConfig base = ctx.base(EPOCHS)
                .with("model", "Flatten(28x28) -> Dense(64, sigmoid) -> Dense(10, softmax)")
                .with("optimizer", "adam (Keras defaults: lr 0.001, beta1 0.9, beta2 0.999, epsilon 1e-7)")
                .with("loss", "categorical_crossentropy")
                .with("batch_size", FitOptions.DEFAULT_BATCH_SIZE)
                .with("train_images", data.trainSize())
                .with("validation_data", "test set, " + data.testSize() + " images");
        Comparison tutorial = new Comparison("Keras MNIST model", base, List.of(Variant.of(NAME)))
                .withReference(NAME, TUTORIAL_TEST_ACCURACY);
        ctx.compare(tutorial, (config, seed, listener) -> {
            SeededFit.Trained run = SeededFit.fit(seed, () -> {
                Sequential model = model();
                out.print(model.summaryString());               // model.summary()
                return model;
            }, data.xTrain(), data.yTrain(), FitOptions.defaults()
                    .withBatchSize(config.integer("batch_size"))
                    .withEpochs(config.integer(RunConfig.EPOCHS))
                    .withValidationData(data.xTest(), data.yTest())
                    .withCallbacks(new ProgbarLogger(out)), listener);
            Sequential model = run.model();
            double[] score = model.evaluate(data.xTest(), data.yTest());
            out.printf(Locale.ROOT, "evaluate -> [loss, acc] = [%.4f, %.4f]%n", score[0], score[1]);
            showPredictions(model, data, out);
            return run.history();
        });
    }

    /** {@code model.predict(x_test[:5])}: the most probable class of the first test images and its probability. */
    static void showPredictions(Sequential model, ImageData data, PrintStream out) {
        int n = Math.min(PREDICTIONS_SHOWN, data.testSize());
        INDArray probs = model.predict(Utils.take(data.xTest(), n));
        for (int i = 0; i < n; i++) {
            INDArray row = probs.getRow(i);
            int predicted = row.argMax().getInt(0);
            out.printf(Locale.ROOT, "predict -> test image %d: %s (p = %.3f), true label %s%n", i,
                    data.className(predicted), row.getDouble(predicted), data.className(data.testLabels()[i]));
        }
    }
}
