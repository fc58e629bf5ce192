package io.github.keras4j.examples.experiments;

import java.util.ArrayList;
import java.util.List;

/**
 * A trainer without a model, driven by its configuration like a real one: {@code epochs}, {@code scale} and
 * {@code mode}. Its curves are closed-form in epoch and seed, so tests can compute every number by hand:
 * <pre>
 * loss     = scale / epoch + 0.01 * seed      acc     = 1 - loss / 4
 * val_loss = loss + 0.05                      val_acc = acc - 0.02         seconds = 0.5 * epoch
 * </pre>
 * Modes: {@code ok}; {@code nan} (loss NaN from epoch 2 on); {@code throw} (throws after epoch 1);
 * {@code nan-then-throw} (NaN at epoch 1, then throws, as a trainer stopping on NaN might); {@code empty}
 * (returns no epochs).
 */
final class FakeTrainer implements Trainer {
    static final long PARAMETERS = 50_890;

    final List<String> calls = new ArrayList<>();

    static double loss(double scale, int epoch, long seed) {
        return scale / epoch + 0.01 * seed;
    }

    @Override
    public TrainingHistory train(RunConfig config, long seed, EpochListener listener) {
        calls.add(config.name() + "/" + seed);
        String mode = config.string("mode");
        double scale = config.number("scale");
        List<EpochResult> epochs = new ArrayList<>();
        if (mode.equals("empty")) {
            return new TrainingHistory(epochs, PARAMETERS, "fp-empty");
        }
        for (int e = 1; e <= config.integer(RunConfig.EPOCHS); e++) {
            double loss = loss(scale, e, seed);
            if (mode.equals("nan") && e >= 2 || mode.equals("nan-then-throw")) {
                loss = Double.NaN;
            }
            double acc = 1 - loss / 4;
            EpochResult r = new EpochResult(e, loss, acc, loss + 0.05, acc - 0.02, 0.5 * e);
            epochs.add(r);
            listener.onEpochEnd(r);
            if (mode.startsWith("nan-then-throw") || mode.equals("throw")) {
                throw new IllegalStateException("boom after epoch " + e);
            }
        }
        return new TrainingHistory(epochs, PARAMETERS, config.name() + "-" + seed);
    }
}
