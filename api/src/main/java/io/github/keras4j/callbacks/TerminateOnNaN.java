package io.github.keras4j.callbacks;

import java.io.PrintStream;
import java.util.Map;
import java.util.Objects;

/**
 * Stops training at the first batch whose loss is NaN or infinite (Keras' {@code TerminateOnNaN}),
 * printing {@code Batch 17: Invalid loss, terminating training}. fit then ends cleanly after that
 * batch instead of throwing; the update of that batch was not applied, so the weights stay finite.
 */
public class TerminateOnNaN extends Callback {
    private final PrintStream out;

    public TerminateOnNaN() {
        this(System.out);
    }

    public TerminateOnNaN(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        Double loss = logs.get("loss");
        if (loss != null && !Double.isFinite(loss)) {
            out.println("Batch " + batch + ": Invalid loss, terminating training");
            model().stopTraining(true);
        }
    }
}
