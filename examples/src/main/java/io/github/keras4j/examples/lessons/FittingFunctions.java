package io.github.keras4j.examples.lessons;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.examples.Lesson;
import io.github.keras4j.examples.LessonContext;
import io.github.keras4j.examples.experiments.Comparison;
import io.github.keras4j.examples.experiments.RunConfig;
import io.github.keras4j.examples.experiments.Variant;
import io.github.keras4j.examples.training.SeededFit;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.models.FitOptions;
import io.github.keras4j.models.Sequential;
import io.github.keras4j.optimizers.Adam;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/**
 * Lesson 6, fitting functions: one hidden layer of 3, 6 and 12 {@value #ACTIVATION} neurons and a linear output,
 * trained with MSE to fit 1-D functions on [-1, 1] from {@value #TRAIN_POINTS} random samples, judged on
 * {@value #TEST_POINTS} evenly spaced points. It writes the fitted curves of the first seed, beside the target,
 * to {@value #CURVES_FILE}. The lesson does not use {@code --dataset}.
 */
public final class FittingFunctions implements Lesson {
    public static final String CURVES_FILE = "fitted-curves.png";
    public static final int EPOCHS = 2000;
    public static final int TRAIN_POINTS = 200;
    public static final int TEST_POINTS = 101;
    public static final String ACTIVATION = "tanh";
    public static final double LEARNING_RATE = 0.01;
    /** The training samples are the same for every run: drawn once with this seed. */
    public static final long DATA_SEED = 0;
    static final List<Integer> WIDTHS = List.of(3, 6, 12);

    /** A function to fit, with its name in titles. */
    record Target(String name, DoubleUnaryOperator f) {
    }

    static final List<Target> TARGETS = List.of(
            new Target("sin(2 pi x)", x -> Math.sin(2 * Math.PI * x)),
            new Target("|x|", Math::abs),
            new Target("step(x)", x -> x < 0 ? 0.0 : 1.0));

    @Override
    public String name() {
        return "fitting-functions";
    }

    @Override
    public String description() {
        return "one hidden layer of 3, 6 and 12 neurons fitting sin(2 pi x), |x| and a step with MSE";
    }

    /** {@code Dense(width, tanh) -> Dense(1)}, MSE, Adam. */
    static Sequential model(int width, double learningRate) {
        Sequential model = new Sequential();
        model.add(new Dense(width, ACTIVATION).inputShape(1));
        model.add(new Dense(1));
        model.compile(new Adam(learningRate), "mse");
        return model;
    }

    @Override
    public void run(LessonContext ctx) throws Exception {
        ctx.progress().println("This lesson fits 1-D functions; it does not use --dataset.");
        double[] xTrain = new double[TRAIN_POINTS];
        Random random = new Random(DATA_SEED);
        for (int i = 0; i < TRAIN_POINTS; i++) {
            xTrain[i] = -1 + 2 * random.nextDouble();
        }
        double[] xTest = new double[TEST_POINTS];
        for (int i = 0; i < TEST_POINTS; i++) {
            xTest[i] = -1 + 2.0 * i / (TEST_POINTS - 1);
        }
        Map<String, Map<String, double[]>> curves = new LinkedHashMap<>();
        for (Target target : TARGETS) {
            RunConfig base = RunConfig.of("base", "function", target.name(), RunConfig.EPOCHS, ctx.options().epochsOr(EPOCHS))
                    .with("hidden_units", WIDTHS.get(0))
                    .with("activation", ACTIVATION)
                    .with("loss", "mse")
                    .with("optimizer", "adam")
                    .with("learning_rate", LEARNING_RATE)
                    .with("batch_size", FitOptions.DEFAULT_BATCH_SIZE)
                    .with("train_points", TRAIN_POINTS);
            List<Variant> variants = new ArrayList<>();
            for (int w : WIDTHS) {
                variants.add(Variant.of(w + " neurons", "hidden_units", w));
            }
            Map<String, double[]> fits = new LinkedHashMap<>();
            fits.put("target", apply(target.f(), xTest));
            INDArray x = column(xTrain), y = column(apply(target.f(), xTrain));
            INDArray xt = column(xTest), yt = column(apply(target.f(), xTest));
            ctx.compare(new Comparison("Fitting " + target.name(), base, variants), (config, seed, listener) -> {
                SeededFit.Trained run = SeededFit.fit(seed, () -> model(config.integer("hidden_units"), config.number("learning_rate")),
                        x, y, FitOptions.defaults().withBatchSize(config.integer("batch_size"))
                                .withEpochs(config.integer(RunConfig.EPOCHS)).withVerbose(0).withValidationData(xt, yt), listener);
                fits.putIfAbsent(config.name(), NativeMemory.read(run.model().predict(xt)));
                return run.history();
            });
            curves.put(target.name(), fits);
        }
        Path file = ctx.folder().resolve(CURVES_FILE);
        FittedCurves.write(curves, xTest, file);
        ctx.progress().println("Fitted curves written to " + file);
    }

    static double[] apply(DoubleUnaryOperator f, double[] xs) {
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = f.applyAsDouble(xs[i]);
        }
        return out;
    }

    static INDArray column(double[] values) {
        return Nd4j.createFromArray(values).castTo(DataType.FLOAT).reshape(values.length, 1);
    }
}
