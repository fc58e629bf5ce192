package io.github.keras4j.examples.experiments;

import java.util.ArrayList;
import java.util.List;

/**
 * A comparison result built by hand, with numbers chosen so that every mean and standard deviation in the
 * table can be checked on paper.
 */
final class SummaryFixtures {
    private SummaryFixtures() {
    }

    static final RunConfig BASE = RunConfig.of("base", "epochs", 2, "activation", "sigmoid");

    /** Two epochs; epoch 1 has val_acc {@code best}, epoch 2 ends at {@code finalValAcc} and {@code finalLoss}; 1 s and 2 s. */
    static RunResult run(RunConfig config, long seed, double best, double finalValAcc, double finalLoss, RunStatus status) {
        List<EpochResult> epochs = new ArrayList<>();
        epochs.add(new EpochResult(1, finalLoss + 0.1, 0.8, finalLoss + 0.2, best, 1.0));
        epochs.add(new EpochResult(2, finalLoss, 0.9, finalLoss + 0.1, finalValAcc, 2.0));
        return new RunResult(config, seed, epochs, 50_890, status, "fp" + seed);
    }

    /**
     * Variant {@code sigmoid}: three OK runs, final val_acc 0.90, 0.92, 0.94 (mean 0.92, std 0.02), best 0.91,
     * 0.95, 0.96 (mean 0.94, std sqrt(0.0014 / 2) = 0.026458), final loss 0.30, 0.20, 0.25 (mean 0.25, std 0.05),
     * 1.5 s per epoch each (std 0). Variant {@code relu | fast}: one OK run (0.97, best 0.975, loss 0.1), one
     * diverged, one failed with no epochs.
     */
    static ComparisonResult result() {
        Variant sigmoid = Variant.of("sigmoid");
        Variant relu = Variant.of("relu | fast", "activation", "relu");
        Comparison c = new Comparison("Sigmoid vs ReLU", BASE, List.of(sigmoid, relu)).withReference("sigmoid", 0.919);
        RunConfig s = sigmoid.applyTo(BASE);
        RunConfig r = relu.applyTo(BASE);
        List<RunResult> runs = List.of(
                run(s, 1, 0.91, 0.90, 0.30, RunStatus.ok()),
                run(s, 2, 0.95, 0.92, 0.20, RunStatus.ok()),
                run(s, 3, 0.96, 0.94, 0.25, RunStatus.ok()),
                run(r, 1, 0.975, 0.97, 0.10, RunStatus.ok()),
                run(r, 2, 0.50, 0.098, Double.NaN, RunStatus.diverged(2)),
                new RunResult(r, 3, List.of(), RunResult.UNKNOWN_PARAMETERS,
                        RunStatus.failed("IllegalStateException: out of \"memory\", badly\nsecond line"), ""));
        return new ComparisonResult(c, List.of(1L, 2L, 3L), runs);
    }
}
