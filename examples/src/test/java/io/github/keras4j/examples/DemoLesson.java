package io.github.keras4j.examples;

import io.github.keras4j.examples.experiments.Comparison;
import io.github.keras4j.examples.experiments.EpochResult;
import io.github.keras4j.examples.experiments.RunConfig;
import io.github.keras4j.examples.experiments.TrainingHistory;
import io.github.keras4j.examples.experiments.Variant;

import java.util.ArrayList;
import java.util.List;

/**
 * A lesson for tests only: compares a fast and a slow synthetic learning curve and a variant that diverges,
 * without training anything. It records the options it ran with.
 */
final class DemoLesson implements Lesson {
    LessonOptions seen;
    RunConfig seenBase;

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String description() {
        return "synthetic curves: fast vs slow (100% fake)";
    }

    @Override
    public void run(LessonContext ctx) throws Exception {
        seen = ctx.options();
        seenBase = ctx.base(4).with("rate", 1.0);
        Comparison c = new Comparison("Fast vs slow", seenBase, List.of(
                Variant.of("fast", "rate", 2.0), Variant.of("slow", "rate", 0.5), Variant.of("diverging", "rate", -1.0)))
                .withReference("fast", 0.97);
        ctx.compare(c, (config, seed, listener) -> {
            double rate = config.number("rate");
            List<EpochResult> epochs = new ArrayList<>();
            for (int e = 1; e <= config.integer(RunConfig.EPOCHS); e++) {
                double loss = rate < 0 ? Double.NaN : Math.exp(-rate * e) + 0.01 * seed;
                double acc = 1 - loss / 2;
                EpochResult r = new EpochResult(e, loss, acc, loss * 1.2, acc - 0.03, 0.01);
                epochs.add(r);
                listener.onEpochEnd(r);
            }
            return new TrainingHistory(epochs, 1234, "demo-" + seed);
        });
    }
}
