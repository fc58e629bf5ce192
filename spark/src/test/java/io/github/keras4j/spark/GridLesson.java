package io.github.keras4j.spark;

import io.github.keras4j.examples.Lesson;
import io.github.keras4j.examples.LessonContext;
import io.github.keras4j.examples.experiments.Comparison;
import io.github.keras4j.examples.experiments.EpochListener;
import io.github.keras4j.examples.experiments.RunConfig;
import io.github.keras4j.examples.experiments.TrainingHistory;
import io.github.keras4j.examples.experiments.Variant;
import io.github.keras4j.examples.training.SeededFit;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.models.FitOptions;
import io.github.keras4j.models.Sequential;
import io.github.keras4j.optimizers.SGD;
import io.github.keras4j.utils.Utils;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;

/**
 * A lesson for the grid tests: real keras4j training, small enough to take a fraction of a second per run. Two
 * comparisons (the first one must be passed over when the second is replayed) and a variant whose trainer throws. Public, with a no-argument constructor, as a cluster's task needs it.
 */
public final class GridLesson implements Lesson {
    /** The trainer's message for the variant that throws. */
    static final String BROKEN = "this variant's trainer throws";

    @Override
    public String name() {
        return "grid-lesson";
    }

    @Override
    public String description() {
        return "two small comparisons trained with keras4j on fixed synthetic data";
    }

    @Override
    public void run(LessonContext ctx) throws Exception {
        RunConfig base = ctx.base(3).with("units", 8).with("learning_rate", 0.1);
        ctx.compare(new Comparison("Narrow vs wide", base, List.of(Variant.of("narrow"), Variant.of("wide", "units", 32))),
                (config, seed, listener) -> fit(config, seed, listener));
        ctx.compare(new Comparison("Learning rates", base, List.of(Variant.of("slow", "learning_rate", 0.01),
                        Variant.of("fast"), Variant.of("broken", "learning_rate", -1.0))),
                (config, seed, listener) -> {
                    if (config.number("learning_rate") < 0) {
                        throw new IllegalArgumentException(BROKEN);
                    }
                    return fit(config, seed, listener);
                });
    }

    private static TrainingHistory fit(RunConfig config, long seed,
            EpochListener listener) {
        INDArray[] data = data();
        return SeededFit.fit(seed, () -> {
            Sequential m = new Sequential(new Dense(config.integer("units"), "relu").inputShape(4), new Dense(3, "softmax"));
            m.compile(new SGD(config.number("learning_rate")), "categorical_crossentropy", "acc");
            return m;
        }, data[0], data[1], FitOptions.defaults().withBatchSize(16).withEpochs(config.integer(RunConfig.EPOCHS))
                .withVerbose(0).withValidationData(data[0], data[1]), listener).history();
    }

    /** 96 points in 4-D, labelled by which of three coordinates is largest; the same data for every seed. */
    static INDArray[] data() {
        Utils.setRandomSeed(12345);
        INDArray x = Nd4j.rand(DataType.FLOAT, 96, 4);
        INDArray labels = x.get(NDArrayIndex.all(),
                NDArrayIndex.interval(0, 3)).argMax(1).castTo(DataType.FLOAT);
        return new INDArray[] {x, Utils.toCategorical(labels, 3)};
    }
}
